namespace Octans.Reports.Layout;

/// <summary>What goes in a table cell or a key-value value: plain text (wrapped to fit) or a <see cref="Layout.Badge"/>.</summary>
public sealed class Cell
{
    Cell(string text, Badge? badge)
    {
        Text = text;
        Badge = badge;
    }

    public string Text { get; }
    public Badge? Badge { get; }

    public static Cell FromText(string? text) => new(text ?? "", null);

    public static Cell FromBadge(Badge badge)
    {
        ArgumentNullException.ThrowIfNull(badge);
        return new Cell(badge.Word, badge);
    }

    public static implicit operator Cell(string? text) => FromText(text);

    public static implicit operator Cell(Badge badge) => FromBadge(badge);
}
