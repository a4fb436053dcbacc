using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Octans.Testing;

/// <summary>
/// Small photos drawn for the tests: a street scene with a red mark in its top-left corner, so a test can tell which way
/// up a stored copy is, and JPEGs carrying the EXIF a phone writes (orientation, camera, GPS position).
/// </summary>
public static class SamplePhotos
{
    public const string CameraMake = "Octanscam";
    public const string CameraModel = "Patrol X100";

    public static byte[] Jpeg(int width = 640, int height = 480) => Encode(Draw(width, height), SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 640, int height = 480) => Encode(Draw(width, height), SKEncodedImageFormat.Png);

    /// <summary>A JPEG with an APP1 EXIF segment: the camera's make and model, the orientation, and a GPS position in High Town.</summary>
    public static byte[] JpegWithExif(int width = 640, int height = 480, ushort orientation = 1) =>
        [.. Jpeg(width, height)[..2], .. ExifSegment(orientation), .. Jpeg(width, height)[2..]];

    private static SKBitmap Draw(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(new SKColor(0x9E, 0xC8, 0xE8));
        using var ground = new SKPaint { Color = new SKColor(0x5A, 0x5A, 0x5A) };
        canvas.DrawRect(0, height * 0.6f, width, height * 0.4f, ground);
        using var column = new SKPaint { Color = new SKColor(0x2E, 0x4F, 0x2E) };
        canvas.DrawRect(width * 0.45f, height * 0.2f, width * 0.04f, height * 0.45f, column);
        using var mark = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 4f, height / 4f, mark);
        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using (bitmap)
        using (var data = bitmap.Encode(format, 90))
            return data.ToArray();
    }

    /// <summary>The colour at a point of a stored JPEG, to tell which way up it is.</summary>
    public static SKColor ColourAt(byte[] jpeg, float x, float y)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        return bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
    }

    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var codec = SKCodec.Create(new MemoryStream(image));
        return (codec.Info.Width, codec.Info.Height);
    }

    private static byte[] ExifSegment(ushort orientation)
    {
        // A big-endian TIFF structure: IFD0 (make, model, orientation, pointer to the GPS IFD), then the GPS IFD, then the values.
        var tiff = new List<byte>();
        void U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); tiff.AddRange(b); }
        void U32(long v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v); tiff.AddRange(b); }

        var make = Encoding.ASCII.GetBytes(CameraMake + "\0");
        var model = Encoding.ASCII.GetBytes(CameraModel + "\0");
        const int ifd0 = 8, ifd0Entries = 4, gpsEntries = 4;
        var gps = ifd0 + 2 + ifd0Entries * 12 + 4;
        var data = gps + 2 + gpsEntries * 12 + 4;
        var makeAt = data;
        var modelAt = makeAt + make.Length;
        var latitudeAt = modelAt + model.Length;
        var longitudeAt = latitudeAt + 24;

        tiff.AddRange("MM"u8.ToArray()); U16(42); U32(ifd0);
        U16(ifd0Entries);
        U16(0x010F); U16(2); U32(make.Length); U32(makeAt);
        U16(0x0110); U16(2); U32(model.Length); U32(modelAt);
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);
        U16(0x8825); U16(4); U32(1); U32(gps);
        U32(0);
        U16(gpsEntries);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());
        U16(0x0002); U16(5); U32(3); U32(latitudeAt);
        U16(0x0003); U16(2); U32(2); tiff.AddRange("W\0\0\0"u8.ToArray());
        U16(0x0004); U16(5); U32(3); U32(longitudeAt);
        U32(0);
        tiff.AddRange(make);
        tiff.AddRange(model);
        foreach (var (numerator, denominator) in new[] { (51, 1), (53, 1), (1034, 100), (0, 1), (25, 1), (222, 100) })
        {
            U32(numerator); U32(denominator);
        }

        byte[] body = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var segment = new byte[4 + body.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(body.Length + 2));
        body.CopyTo(segment, 4);
        return segment;
    }
}
