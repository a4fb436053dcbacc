using System.Globalization;
using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

/// <summary>The page header and footer. They repeat on every page, so they are artifacts rather than content.</summary>
internal sealed class PageFurniture(string headerLeft, string headerRight, string footerLeft)
{
    const double LineHeight = Theme.FurnitureLineHeight;

    public IReadOnlyList<DrawOp> Compose(Typesetter typesetter, PageMargins margins, int pageNumber, int pageCount)
    {
        var left = margins.Left;
        var right = PageComposer.PageWidth - margins.Right;
        var width = right - left;
        var ops = new List<DrawOp> { OpenArtifact.Instance };

        if (headerLeft.Length > 0 || headerRight.Length > 0)
        {
            var headerTop = margins.Top - 36;
            Row(typesetter, ops, headerLeft, headerRight, left, width, headerTop);
            ops.Add(new StrokeLine(new(left, headerTop + LineHeight + 5), new(right, headerTop + LineHeight + 5), Theme.Rule, 0.5));
        }

        var footerRule = PageComposer.PageHeight - margins.Bottom + 18;
        ops.Add(new StrokeLine(new(left, footerRule), new(right, footerRule), Theme.Rule, 0.5));
        var pageText = string.Create(CultureInfo.InvariantCulture, $"Page {pageNumber} of {pageCount}");
        Row(typesetter, ops, footerLeft, pageText, left, width, footerRule + 6);

        ops.Add(CloseArtifact.Instance);
        return ops;
    }

    static void Row(Typesetter typesetter, List<DrawOp> ops, string leftText, string rightText, double x, double width, double top)
    {
        var style = Theme.PageFurniture;
        var font = typesetter.Font(style);
        var baseline = top + typesetter.BaselineOffset(style, LineHeight);
        var rightWidth = typesetter.Width(style, rightText);
        if (rightText.Length > 0)
            ops.Add(new DrawText(rightText, font, Theme.SecondaryText, x + width - rightWidth, baseline));
        var fitted = Shorten(typesetter, leftText, width - rightWidth - 16);
        if (fitted.Length > 0)
            ops.Add(new DrawText(fitted, font, Theme.SecondaryText, x, baseline));
    }

    /// <summary>Header text comes from data such as area names, so an over-long one is shortened rather than failing the pack.</summary>
    static string Shorten(Typesetter typesetter, string text, double maxWidth)
    {
        var style = Theme.PageFurniture;
        if (typesetter.Width(style, text) <= maxWidth)
            return text;
        var length = text.Length;
        while (length > 0 && typesetter.Width(style, text[..length].TrimEnd() + "…") > maxWidth)
            length--;
        return length == 0 ? "" : text[..length].TrimEnd() + "…";
    }
}
