using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

/// <summary>
/// A small photo in a row of them: a JPEG, the alt text the tagged PDF gives it as a Figure, and a short caption drawn
/// beneath it. Only small copies belong in a document; a large one is refused rather than swelling every pack.
/// </summary>
public sealed record Picture
{
    public const int MostBytes = 200 * 1024;

    public Picture(byte[] jpeg, string altText, string caption)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (jpeg.Length is < 3 or > MostBytes || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
            throw new ArgumentException($"A picture is a JPEG of up to {MostBytes / 1024} KB, such as a photo's thumbnail; pass the small copy.", nameof(jpeg));
        if (string.IsNullOrWhiteSpace(altText))
            throw new ArgumentException("A picture needs alt text saying what it shows, for readers who cannot see it.", nameof(altText));
        Jpeg = jpeg;
        AltText = altText.Trim();
        Caption = caption?.Trim() ?? "";
    }

    public byte[] Jpeg { get; }
    public string AltText { get; }
    public string Caption { get; }
}

internal sealed record DrawImage(byte[] Jpeg, XRect Rectangle) : DrawOp;

/// <summary>Pictures side by side at one height, wrapping onto further rows, each a Figure with its alt text.</summary>
internal sealed class PictureRowBlock(IReadOnlyList<Picture> pictures) : Block
{
    const double ImageHeight = 80;
    const double MostWidth = 120;
    const double Gap = 8;
    const double CaptionHeight = Theme.ChartLineHeight + 2;
    const double RowHeight = ImageHeight + CaptionHeight;

    public override double LeadHeight(PageComposer page) => pictures.Count == 0 ? 0 : RowHeight;

    public override void Compose(PageComposer page)
    {
        if (pictures.Count == 0) return;
        var x = page.Left;
        if (!page.AtPageTop && !page.Fits(RowHeight)) page.NewPage();
        foreach (var picture in pictures)
        {
            var width = Math.Min(MostWidth, ImageHeight * AspectOf(picture.Jpeg));
            if (x > page.Left && x + width > page.Left + page.Width)
            {
                page.Advance(RowHeight + Gap);
                x = page.Left;
                if (!page.Fits(RowHeight)) page.NewPage();
            }
            var image = new XRect(x, page.Cursor, width, ImageHeight);
            page.Open(StructureTag.Figure, picture.AltText, new XRect(x, page.Cursor, width, RowHeight));
            page.Emit(new DrawImage(picture.Jpeg, image));
            if (picture.Caption.Length > 0)
                page.Text(page.Typesetter.Wrap(picture.Caption, Theme.ChartLabel, width)[0], x, page.Cursor + ImageHeight + 2, Theme.ChartLineHeight,
                    Theme.ChartLabel, Theme.SecondaryText);
            page.Close();
            x += width + Gap;
        }
        page.Advance(RowHeight);
        page.Space(Theme.BlockSpaceAfter);
    }

    static double AspectOf(byte[] jpeg)
    {
        using var image = XImage.FromStream(new MemoryStream(jpeg, writable: false));
        return image.PixelHeight == 0 ? 1 : image.PixelWidth / (double)image.PixelHeight;
    }
}
