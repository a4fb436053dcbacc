using System.Buffers.Binary;

namespace Octans.Api.Photos;

/// <summary>What a file's first bytes say it is, read by Octans itself before any decoder sees the file.</summary>
public sealed record PhotoHeader(string Format, int Width, int Height, int Scans);

/// <summary>
/// Reads the kind and the size of a JPEG or PNG from its header: the magic bytes, then the JPEG frame header or the PNG's
/// IHDR. A file whose header cannot be read this way is not a photo Octans takes, so the decoder never meets it.
/// </summary>
public static class PhotoHeaders
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PhotoHeader? Read(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith(PngSignature)) return Png(file);
        if (file.Length >= 3 && file[0] == 0xFF && file[1] == 0xD8 && file[2] == 0xFF) return Jpeg(file);
        return null;
    }

    private static PhotoHeader? Png(ReadOnlySpan<byte> file)
    {
        // The first chunk is always IHDR: its length (13), its type, then the width and height as 32-bit big-endian numbers.
        if (file.Length < 33 || !file.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var width = BinaryPrimitives.ReadUInt32BigEndian(file.Slice(16, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(file.Slice(20, 4));
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new("PNG", (int)width, (int)height, 1);
    }

    private static PhotoHeader? Jpeg(ReadOnlySpan<byte> file)
    {
        int? width = null, height = null;
        var position = 2;
        while (position + 4 <= file.Length && width is null)
        {
            if (file[position] != 0xFF) return null;
            var marker = file[position + 1];
            if (marker == 0xFF) { position++; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(position + 2, 2));
            if (length < 2 || position + 2 + length > file.Length) return null;
            // SOF0–SOF15 hold the frame's size; C4 (Huffman tables), C8 and CC (arithmetic coding) share the range but do not.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7) return null;
                height = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(position + 5, 2));
                width = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(position + 7, 2));
            }
            else if (marker == 0xDA) return null;
            position += 2 + length;
        }
        if (width is not > 0 || height is not > 0) return null;
        return new("JPEG", width.Value, height.Value, Scans(file[position..]));
    }

    /// <summary>
    /// The start-of-scan markers after the frame header. A progressive JPEG has a dozen; thousands make a small file that
    /// takes minutes to decode. Inside the compressed data a 0xFF byte is always followed by 0x00, so a marker is unambiguous.
    /// </summary>
    private static int Scans(ReadOnlySpan<byte> rest)
    {
        var scans = 0;
        for (var i = rest.IndexOf((byte)0xFF); i >= 0 && i + 1 < rest.Length; i = rest[(i + 1)..].IndexOf((byte)0xFF) is var next and >= 0 ? i + 1 + next : -1)
            if (rest[i + 1] == 0xDA) scans++;
        return scans;
    }
}
