using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Octans.Reports.Layout;

/// <summary>
/// Saves a PdfDocument so that the same input always gives the same bytes. PDFsharp 6.2.4 puts randomness in
/// three places: font subset tags, the trailer /ID and the XMP metadata's document and instance ids (it also
/// writes the title into XMP without escaping it). The first is fixed before saving; the XMP stream is replaced
/// afterwards; /ID and the XMP ids are finally derived from a SHA-256 of the file itself.
/// </summary>
internal static partial class ReproduciblePdf
{
    const string Creator = "Octans";
    static readonly string IdPlaceholder = new('\0', 16);
    static readonly byte[] IdPlaceholderHex = Encoding.ASCII.GetBytes("<" + new string('0', 32) + ">");
    const string UuidPlaceholder = "uuid:00000000-0000-0000-0000-000000000000";

    public static byte[] Save(PdfDocument pdf, DocumentInfo info)
    {
        pdf.Options.Layout = PdfWriterLayout.Compact;
        pdf.Options.CompressContentStreams = true;

        pdf.Info.Title = info.Title;
        pdf.Info.Author = info.Author;
        pdf.Info.Creator = Creator;
        if (info.Subject is not null)
            pdf.Info.Subject = info.Subject;
        // Written as text rather than DateTime so the machine's time zone never leaks into the bytes.
        pdf.Info.Elements.SetString("/CreationDate", PdfDate(info.Timestamp));
        pdf.Info.Elements.SetString("/ModDate", PdfDate(info.Timestamp));

        StabiliseFontSubsetTags(pdf);
        pdf.Internals.FirstDocumentID = IdPlaceholder;
        pdf.Internals.SecondDocumentID = IdPlaceholder;

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        var bytes = ReplaceXmp(stream.ToArray(), Xmp(info, pdf.Info.Producer));
        Seal(bytes);
        return bytes;
    }

    static string PdfDate(DateTimeOffset timestamp)
    {
        var offset = timestamp.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"D:{timestamp:yyyyMMddHHmmss}{sign}{offset.Hours:00}'{offset.Minutes:00}'");
    }

    /// <summary>
    /// Replaces PDFsharp's random six-letter subset prefix with one derived from the font name. Fonts are reached
    /// through the pages' resources rather than by walking every object, which costs a sort of the whole object
    /// table and a visit to each of tens of thousands of structure elements in a long pack.
    /// </summary>
    static void StabiliseFontSubsetTags(PdfDocument pdf)
    {
        var seen = new HashSet<PdfDictionary>(ReferenceEqualityComparer.Instance);
        foreach (var page in pdf.Pages)
        {
            if (page.Resources.Elements.GetDictionary("/Font") is not { } fonts)
                continue;
            foreach (var key in fonts.Elements.Keys)
                Stabilise(fonts.Elements.GetDictionary(key));
        }

        void Stabilise(PdfDictionary? font)
        {
            if (font is null || !seen.Add(font))
                return;
            foreach (var key in (string[])["/BaseFont", "/FontName"])
            {
                var name = font.Elements.GetName(key);
                var match = SubsetName().Match(name);
                if (match.Success)
                    font.Elements.SetName(key, "/" + SubsetTag(match.Groups["font"].Value) + "+" + match.Groups["font"].Value);
            }
            Stabilise(font.Elements.GetDictionary("/FontDescriptor"));
            if (font.Elements.GetArray("/DescendantFonts") is { } descendants)
                for (var i = 0; i < descendants.Elements.Count; i++)
                    Stabilise(descendants.Elements.GetDictionary(i));
        }
    }

    static string SubsetTag(string fontName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(fontName));
        return string.Create(6, hash, (tag, h) =>
        {
            for (var i = 0; i < tag.Length; i++)
                tag[i] = (char)('A' + h[i] % 26);
        });
    }

    static string Xmp(DocumentInfo info, string producer)
    {
        var date = info.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        var subject = info.Subject is null
            ? ""
            : $"""<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Subject)}</rdf:li></rdf:Alt></dc:description>""";
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about=""
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
                  <dc:format>application/pdf</dc:format>
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{Escape(info.Title)}</rdf:li></rdf:Alt></dc:title>
                  <dc:creator><rdf:Seq><rdf:li>{Escape(info.Author)}</rdf:li></rdf:Seq></dc:creator>
                  {subject}
                  <dc:language><rdf:Bag><rdf:li>{Escape(info.Language)}</rdf:li></rdf:Bag></dc:language>
                  <pdf:Producer>{Escape(producer)}</pdf:Producer>
                  <xmp:CreatorTool>{Creator}</xmp:CreatorTool>
                  <xmp:CreateDate>{date}</xmp:CreateDate>
                  <xmp:ModifyDate>{date}</xmp:ModifyDate>
                  <xmp:MetadataDate>{date}</xmp:MetadataDate>
                  <xmpMM:DocumentID>{UuidPlaceholder}</xmpMM:DocumentID>
                  <xmpMM:InstanceID>{UuidPlaceholder}</xmpMM:InstanceID>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    static string Escape(string text) => SecurityElement.Escape(text);

    /// <summary>
    /// Swaps the metadata stream's data for <paramref name="xmp"/>, fixes its /Length and moves the cross-reference
    /// offsets of everything after it.
    /// </summary>
    static byte[] ReplaceXmp(byte[] pdf, string xmp)
    {
        var packetStart = IndexOf(pdf, "<?xpacket begin="u8, 0);
        var objectStart = LastIndexOf(pdf, " 0 obj"u8, packetStart);
        objectStart = objectStart < 0 ? -1 : LastIndexOf(pdf, "\n"u8, objectStart) + 1;
        var streamKeyword = objectStart <= 0 ? -1 : IndexOf(pdf, "stream"u8, objectStart);
        if (packetStart < 0 || objectStart <= 0 || streamKeyword < 0 || streamKeyword > packetStart)
            throw UnexpectedOutput("no XMP metadata stream");

        var dictionary = Encoding.ASCII.GetString(pdf, objectStart, streamKeyword - objectStart);
        var length = LengthEntry().Match(dictionary);
        if (!length.Success)
            throw UnexpectedOutput("the XMP metadata stream has no direct /Length");

        var dataStart = streamKeyword + "stream".Length + (pdf[streamKeyword + 6] == '\r' ? 2 : 1);
        var oldLength = int.Parse(length.Groups["length"].Value, CultureInfo.InvariantCulture);
        var dataEnd = dataStart + oldLength;
        var newData = Encoding.UTF8.GetBytes(xmp);
        var lengthStart = objectStart + length.Groups["length"].Index;
        var newLengthDigits = Encoding.ASCII.GetBytes(newData.Length.ToString(CultureInfo.InvariantCulture));

        var result = new List<byte>(pdf.Length + newData.Length);
        result.AddRange(pdf.AsSpan(0, lengthStart));
        result.AddRange(newLengthDigits);
        result.AddRange(pdf.AsSpan(lengthStart + length.Groups["length"].Length, dataStart - lengthStart - length.Groups["length"].Length));
        result.AddRange(newData);
        result.AddRange(pdf.AsSpan(dataEnd));
        var delta = newLengthDigits.Length - length.Groups["length"].Length + newData.Length - oldLength;
        var output = result.ToArray();
        return delta == 0 ? output : ShiftCrossReferences(output, objectStart, delta);
    }

    static byte[] ShiftCrossReferences(byte[] pdf, int changedAt, int delta)
    {
        var startXref = LastIndexOf(pdf, "startxref"u8, pdf.Length);
        var tail = Encoding.ASCII.GetString(pdf, startXref, pdf.Length - startXref);
        var offsetMatch = StartXref().Match(tail);
        if (startXref < 0 || !offsetMatch.Success)
            throw UnexpectedOutput("no startxref");

        var xref = long.Parse(offsetMatch.Groups["offset"].Value, CultureInfo.InvariantCulture);
        if (xref > changedAt)
            xref += delta;
        if (!pdf.AsSpan((int)xref).StartsWith("xref"u8))
            throw UnexpectedOutput("no classic cross-reference table");

        var position = (int)xref + "xref".Length;
        while (true)
        {
            while (pdf[position] is (byte)'\r' or (byte)'\n' or (byte)' ')
                position++;
            if (pdf.AsSpan(position).StartsWith("trailer"u8))
                break;
            var lineEnd = IndexOf(pdf, "\n"u8, position);
            var header = Encoding.ASCII.GetString(pdf, position, lineEnd - position).Trim().Split(' ');
            var count = int.Parse(header[1], CultureInfo.InvariantCulture);
            position = lineEnd + 1;
            for (var i = 0; i < count; i++, position += 20)
            {
                if (pdf[position + 17] != 'n')
                    continue;
                var offset = long.Parse(Encoding.ASCII.GetString(pdf, position, 10), CultureInfo.InvariantCulture);
                if (offset > changedAt)
                    Encoding.ASCII.GetBytes((offset + delta).ToString("D10", CultureInfo.InvariantCulture), pdf.AsSpan(position, 10));
            }
        }

        var prefix = pdf.AsSpan(0, startXref + offsetMatch.Groups["offset"].Index).ToArray();
        var suffix = pdf.AsSpan(startXref + offsetMatch.Groups["offset"].Index + offsetMatch.Groups["offset"].Length).ToArray();
        return [.. prefix, .. Encoding.ASCII.GetBytes(xref.ToString(CultureInfo.InvariantCulture)), .. suffix];
    }

    /// <summary>Writes the trailer /ID and the XMP ids, all derived from a hash of the file with those ids still zeroed.</summary>
    static void Seal(byte[] pdf)
    {
        var hash = SHA256.HashData(pdf);
        var id = Encoding.ASCII.GetBytes("<" + Convert.ToHexString(hash, 0, 16) + ">");
        var trailer = LastIndexOf(pdf, "trailer"u8, pdf.Length);
        if (trailer < 0)
            throw UnexpectedOutput("no trailer");
        for (var n = 0; n < 2; n++)
        {
            var at = IndexOf(pdf, IdPlaceholderHex, trailer);
            if (at < 0)
                throw UnexpectedOutput("no placeholder /ID in the trailer");
            id.CopyTo(pdf, at);
        }

        var uuids = new[] { new Guid(hash.AsSpan(0, 16)), new Guid(hash.AsSpan(16, 16)) };
        var placeholder = Encoding.ASCII.GetBytes(UuidPlaceholder);
        foreach (var uuid in uuids)
        {
            var at = IndexOf(pdf, placeholder, 0);
            if (at < 0)
                throw UnexpectedOutput("no placeholder XMP id");
            Encoding.ASCII.GetBytes("uuid:" + uuid.ToString("D"), pdf.AsSpan(at, placeholder.Length));
        }
    }

    static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int start)
    {
        var at = bytes.AsSpan(start).IndexOf(value);
        return at < 0 ? -1 : start + at;
    }

    static int LastIndexOf(byte[] bytes, ReadOnlySpan<byte> value, int before) =>
        before < 0 ? -1 : bytes.AsSpan(0, before).LastIndexOf(value);

    static InvalidOperationException UnexpectedOutput(string what) =>
        new($"PDFsharp's output did not have the shape Octans expects ({what}); check ReproduciblePdf after upgrading PDFsharp.");

    [GeneratedRegex(@"^/(?<tag>[A-Z]{6})\+(?<font>.+)$")]
    private static partial Regex SubsetName();

    [GeneratedRegex(@"/Length (?<length>\d+)(?!\d)(?! \d+ R)")]
    private static partial Regex LengthEntry();

    [GeneratedRegex(@"startxref\s+(?<offset>\d+)")]
    private static partial Regex StartXref();
}
