namespace Octans.Reports.Layout;

/// <summary>Page margins in points (72 points = 1 inch). The page header and footer sit inside the top and bottom margins.</summary>
public sealed record PageMargins
{
    public const double MinimumTopOrBottom = 48;
    public const double MinimumSide = 28;

    public PageMargins(double top, double right, double bottom, double left)
    {
        if (!double.IsFinite(top) || !double.IsFinite(bottom) || top < MinimumTopOrBottom || bottom < MinimumTopOrBottom)
            throw new ArgumentOutOfRangeException(nameof(top), (top, bottom),
                $"Top and bottom margins must be at least {MinimumTopOrBottom} points so the page header and footer fit inside them.");
        if (!double.IsFinite(left) || !double.IsFinite(right) || left < MinimumSide || right < MinimumSide)
            throw new ArgumentOutOfRangeException(nameof(left), (left, right),
                $"Left and right margins must be at least {MinimumSide} points; printers clip closer to the edge.");
        if (PageComposer.PageWidth - left - right < 240 || PageComposer.PageHeight - top - bottom < 300)
            throw new ArgumentException("These margins leave too little room for content on an A4 page; keep them under about 5 cm each.");

        Top = top;
        Right = right;
        Bottom = bottom;
        Left = left;
    }

    /// <summary>20 mm at the sides, room for the page header above and the footer below.</summary>
    public static PageMargins Default { get; } = new(top: 72, right: 56.7, bottom: 64, left: 56.7);

    public double Top { get; }
    public double Right { get; }
    public double Bottom { get; }
    public double Left { get; }
}
