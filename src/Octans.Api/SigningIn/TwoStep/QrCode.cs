using System.Text;
using QRCoder;

namespace Octans.Api.SigningIn.TwoStep;

/// <summary>
/// A QR code drawn by Octans as inline SVG: one square per dark module, with the quiet zone around it, so the page needs
/// no image from elsewhere and the secret it carries never leaves the page.
/// </summary>
public static class QrCode
{
    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var squares = new StringBuilder();
        for (var y = 0; y < modules.Count; y++)
            for (var x = 0; x < modules[y].Length; x++)
                if (modules[y][x]) squares.Append('M').Append(x).Append(' ').Append(y).Append("h1v1h-1z");
        var size = modules.Count;
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size * 5}" height="{size * 5}" role="img" aria-label="{System.Net.WebUtility.HtmlEncode(label)}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#ffffff"/><path d="{squares}" fill="#0b0c0c"/></svg>""";
    }
}
