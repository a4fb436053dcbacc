using Marten;
using Octans.Api.Photos;
using Octans.Domain;
using SkiaSharp;

namespace Octans.Api.Demo;

/// <summary>
/// The demo's evidence photos. The demo carries no image files: each photo is drawn from its id, a place before the work
/// (bags and litter on the ground) or after it (swept), and kept the way an upload is, through <see cref="PhotoProcessing"/>.
/// </summary>
internal static class DemoPhotos
{
    /// <summary>Keeps the photo of every <see cref="PhotoAdded"/> in the history with the session's next SaveChanges.</summary>
    public static void Keep(IDocumentOperations operations, ProblemHistory history)
    {
        foreach (var added in history.Events.OfType<PhotoAdded>())
        {
            var prepared = PhotoProcessing.Prepare(Draw(added.PhotoId, added.When));
            PhotoStorage.Keep(operations, added.PhotoId, prepared.Photo ?? throw new InvalidOperationException(prepared.Refusal),
                new PhotoOf(added.ProblemId, added.ActionId, added.CriterionId, null, added.When), added.AddedAt);
        }
    }

    /// <summary>A street scene as a JPEG: a wall, a path and, before the work, bags and litter placed by the id.</summary>
    public static byte[] Draw(Guid id, BeforeOrAfter when)
    {
        const int width = 800, height = 600;
        var seed = id.ToByteArray();
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xB4, 0xC8, 0xD8));
            using var wall = new SKPaint { Color = new SKColor((byte)(0x90 + seed[0] % 40), 0x5A, 0x46) };
            canvas.DrawRect(0, 80, width, 300, wall);
            using var path = new SKPaint { Color = new SKColor(0x70, 0x70, 0x70) };
            canvas.DrawRect(0, 380, width, 220, path);
            if (when == BeforeOrAfter.Before)
            {
                using var bag = new SKPaint { Color = new SKColor(0x20, 0x20, 0x20), IsAntialias = true };
                using var litter = new SKPaint { Color = new SKColor(0xE0, 0xD0, 0x60), IsAntialias = true };
                for (var i = 0; i < 6; i++)
                {
                    canvas.DrawOval(60 + seed[i + 1] * 2.6f, 430 + seed[i + 7] % 120, 40 + seed[i + 2] % 30, 28 + seed[i + 3] % 20, bag);
                    canvas.DrawRect(40 + seed[i + 4] * 2.8f, 400 + seed[i + 5] % 180, 14, 6, litter);
                }
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
