using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Octans.Reports.Fonts;

/// <summary>
/// Serves the Liberation Sans faces embedded in this assembly (SIL OFL 1.1, see Fonts/LICENSE),
/// so that a pack renders the same on every machine and never reaches for system fonts.
/// </summary>
public sealed class LiberationSansFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Sans";

    static readonly Lock InstallGate = new();
    static readonly ConcurrentDictionary<string, byte[]> FaceBytes = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes this resolver PDFsharp's process-wide font resolver. Safe to call from any thread, any number of times.
    /// </summary>
    public static void Install()
    {
        lock (InstallGate)
        {
            var current = GlobalFontSettings.FontResolver;
            if (current is LiberationSansFontResolver)
                return;
            if (current is not null)
                throw new InvalidOperationException(
                    $"PDFsharp already uses the font resolver {current.GetType().FullName}, and PDFsharp allows only one per process. " +
                    $"Octans reports need {nameof(LiberationSansFontResolver)}: install it at start-up instead, " +
                    $"or make your resolver hand the family \"{FamilyName}\" over to it.");
            GlobalFontSettings.FontResolver = new LiberationSansFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase))
            return null;

        return new FontResolverInfo((bold, italic) switch
        {
            (true, true) => "LiberationSans-BoldItalic",
            (true, false) => "LiberationSans-Bold",
            (false, true) => "LiberationSans-Italic",
            _ => "LiberationSans-Regular",
        });
    }

    public byte[]? GetFont(string faceName) => FaceBytes.GetOrAdd(faceName, ReadEmbeddedFace);

    static byte[] ReadEmbeddedFace(string faceName)
    {
        var resourceName = $"Octans.Reports.Fonts.{faceName}.ttf";
        using var stream = typeof(LiberationSansFontResolver).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"The font face '{faceName}' is not embedded in Octans.Reports (looked for resource '{resourceName}'). " +
                "Check that Fonts/*.ttf are still EmbeddedResource items in Octans.Reports.csproj.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
