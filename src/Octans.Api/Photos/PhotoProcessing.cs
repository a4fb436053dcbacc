using SkiaSharp;

namespace Octans.Api.Photos;

/// <summary>A photo made ready to keep: re-encoded as JPEG in three sizes, upright, with nothing of the original file's metadata.</summary>
public sealed record PreparedPhoto(int Width, int Height, byte[] Full, byte[] Page, byte[] Thumb);

/// <summary>A photo made ready to keep, or the sentence saying why not with its status: 413 for a file too large, 400 otherwise.</summary>
public sealed record PhotoPreparation(PreparedPhoto? Photo, int Status, string? Refusal)
{
    public bool Refused => Photo is null;
}

/// <summary>
/// Turns an uploaded file, which is untrusted, into the copies Octans keeps, for any photo — of an action, an exit
/// criterion or a report from the public. Its own reading of the header (<see cref="PhotoHeaders"/>) refuses anything
/// that is not a JPEG or PNG of a sane size before the decoder sees it; the decoder's answer must agree; the pixels are
/// turned upright by the EXIF orientation and drawn afresh, so location, camera and any other metadata stay behind.
/// </summary>
public static class PhotoProcessing
{
    public const int MostBytes = 10 * 1024 * 1024;

    /// <summary>More than any phone takes by default; a decoded photo this size needs 200 MB, and nothing more is ever asked for.</summary>
    public const long MostPixels = 50_000_000;

    public const int MostSide = 16_000;

    /// <summary>A progressive JPEG has about a dozen scans; a file with many more is made to take minutes to decode.</summary>
    public const int MostScans = 64;

    /// <summary>The longest side of each copy: the largest kept, the one on pages, and the one in lists and packs.</summary>
    public const int FullSide = 2400, PageSide = 1200, ThumbSide = 320;

    public const string NotAPhoto = "The file is not a JPEG or PNG photo. Choose a photo saved as JPEG or PNG, as phones and cameras save them.";

    public static readonly string TooLarge = $"The photo is larger than {MostBytes / 1024 / 1024} MB. Choose a smaller photo, or send a copy saved at a lower size.";

    /// <summary>Reads at most <see cref="MostBytes"/> and one more from <paramref name="file"/>, then prepares what it read.</summary>
    public static async Task<PhotoPreparation> PrepareAsync(Stream file, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > MostBytes) return new(null, 413, TooLarge);
            buffer.Write(chunk, 0, read);
        }
        return Prepare(buffer.ToArray());
    }

    public static PhotoPreparation Prepare(byte[] file)
    {
        if (file.Length == 0) return Refuse("The file is empty. Choose a photo saved as JPEG or PNG.");
        if (file.Length > MostBytes) return new(null, 413, TooLarge);
        if (PhotoHeaders.Read(file) is not { } header) return Refuse(NotAPhoto);
        if (header.Width > MostSide || header.Height > MostSide || (long)header.Width * header.Height > MostPixels)
            return Refuse($"The photo is {header.Width:N0} by {header.Height:N0} pixels, more than Octans takes ({MostPixels / 1_000_000} million pixels, " +
                $"{MostSide:N0} on a side). Choose a smaller photo.");
        if (header.Scans > MostScans) return Refuse(NotAPhoto);
        try
        {
            return Decode(file, header);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or OutOfMemoryException)
        {
            return Refuse(NotAPhoto);
        }
    }

    private static PhotoPreparation Decode(byte[] file, PhotoHeader header)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        var format = header.Format == "PNG" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        if (codec is null || codec.EncodedFormat != format || codec.Info.Width != header.Width || codec.Info.Height != header.Height)
            return Refuse(NotAPhoto);

        var size = DecodedSize(codec);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result == SKCodecResult.IncompleteInput) return Refuse("The photo file is cut short: only part of it arrived. Choose it and send it again.");
        if (result != SKCodecResult.Success) return Refuse(NotAPhoto);

        using var full = Draw(decoded, codec.EncodedOrigin, FullSide);
        using var page = Draw(full, SKEncodedOrigin.TopLeft, PageSide);
        using var thumb = Draw(page, SKEncodedOrigin.TopLeft, ThumbSide);
        return new(new PreparedPhoto(full.Width, full.Height, Jpeg(full, 85), Jpeg(page, 82), Jpeg(thumb, 78)), 200, null);
    }

    private static PhotoPreparation Refuse(string sentence) => new(null, 400, sentence);

    /// <summary>A large JPEG is decoded at an eighth, a quarter or half its size when that still covers the largest copy.</summary>
    private static SKSizeI DecodedSize(SKCodec codec)
    {
        var original = codec.Info.Size;
        if (codec.EncodedFormat != SKEncodedImageFormat.Jpeg) return original;
        foreach (var scale in new[] { 0.125f, 0.25f, 0.5f })
        {
            var scaled = codec.GetScaledDimensions(scale);
            if (Math.Max(scaled.Width, scaled.Height) >= FullSide) return scaled;
        }
        return original;
    }

    /// <summary>The source drawn upright, fitted within <paramref name="longest"/> pixels, on white (a PNG's transparency has no place in a JPEG).</summary>
    private static SKBitmap Draw(SKBitmap source, SKEncodedOrigin origin, int longest)
    {
        var sideways = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = sideways ? (source.Height, source.Width) : (source.Width, source.Height);
        var fit = Math.Min(1.0, longest / (double)Math.Max(width, height));
        var (targetWidth, targetHeight) = (Math.Max(1, (int)Math.Round(width * fit)), Math.Max(1, (int)Math.Round(height * fit)));

        var target = new SKBitmap(new SKImageInfo(targetWidth, targetHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        var scale = SKMatrix.CreateScale(targetWidth / (float)width, targetHeight / (float)height);
        canvas.SetMatrix(scale.PreConcat(Upright(origin, source.Width, source.Height)));
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return target;
    }

    /// <summary>Maps the stored pixels (w by h) to the upright picture, for each EXIF orientation.</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    private static byte[] Jpeg(SKBitmap bitmap, int quality)
    {
        using var pixels = bitmap.PeekPixels();
        using var encoded = pixels.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
        return encoded?.ToArray() ?? throw new InvalidOperationException("The photo could not be encoded.");
    }
}
