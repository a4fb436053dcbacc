namespace Octans.Reports.Layout;

/// <summary>Label and value pairs such as "Open problems: 12", tagged as a list of labelled items.</summary>
public sealed class KeyValueListDescriptor
{
    readonly List<(string Key, Cell Value)> _items = [];

    internal KeyValueListDescriptor()
    {
    }

    public KeyValueListDescriptor Item(string key, Cell value)
    {
        if (string.IsNullOrWhiteSpace(key))
            throw new ArgumentException("Every item in a key-value list needs a key, e.g. .Item(\"Open problems\", \"12\").", nameof(key));
        _items.Add((key.Trim(), value ?? Cell.FromText("")));
        return this;
    }

    internal KeyValueListBlock Build()
    {
        if (_items.Count == 0)
            throw new InvalidOperationException("A key-value list needs at least one item; call .Item(key, value) inside KeyValueList(l => ...).");
        return new KeyValueListBlock([.. _items]);
    }
}

internal sealed class KeyValueListBlock(IReadOnlyList<(string Key, Cell Value)> items) : Block
{
    const double LineHeight = Theme.BodyLineHeight;
    const double PaddingY = 3;
    const double KeyGap = 16;

    public override double LeadHeight(PageComposer page) => KeptTogether(page, Rows(page));

    public override void Compose(PageComposer page)
    {
        var rows = Rows(page);
        if (!page.AtPageTop && !page.Fits(KeptTogether(page, rows)))
            page.NewPage();

        var valueX = page.Left + KeyColumnWidth(page);
        page.Open(StructureTag.List);
        foreach (var row in rows)
        {
            if (row.Height > page.ContentHeight)
                throw new InvalidOperationException(
                    $"The key-value item \"{row.KeyText}\" is {row.Height:0} points tall, more than a page holds; shorten its value.");
            if (!page.Fits(row.Height))
                page.NewPage();

            var top = page.Cursor;
            page.OpenArtifact();
            page.Emit(new StrokeLine(new(page.Left, top + row.Height), new(page.Left + page.Width, top + row.Height), Theme.Hairline, 0.75));
            page.CloseArtifact();

            page.Open(StructureTag.ListItem);
            page.Open(StructureTag.ListLabel);
            row.Key.Compose(page, page.Left, top + PaddingY, Theme.SecondaryText);
            page.Close();
            page.Open(StructureTag.ListBody);
            row.Value.Compose(page, valueX, top + PaddingY, Theme.Text);
            page.Close();
            page.Close();
            page.Advance(row.Height);
        }
        page.Close();
        page.Space(Theme.BlockSpaceAfter);
    }

    /// <summary>A short list (up to half a page) is kept whole on one page; a longer one may break after its first item.</summary>
    static double KeptTogether(PageComposer page, List<Row> rows)
    {
        var total = rows.Sum(r => r.Height);
        return total <= page.ContentHeight / 2 ? total : rows[0].Height;
    }

    double KeyColumnWidth(PageComposer page)
    {
        var widest = items.Max(i => page.Typesetter.Width(Theme.Body, i.Key)) + KeyGap;
        return Math.Clamp(widest, page.Width * 0.25, page.Width * 0.45);
    }

    List<Row> Rows(PageComposer page)
    {
        var keyWidth = KeyColumnWidth(page);
        return items.Select(item =>
        {
            var key = new CellLayout(page.Typesetter, item.Key, Theme.Body, LineHeight, keyWidth - KeyGap, TextAlign.Left);
            var value = new CellLayout(page.Typesetter, item.Value, Theme.Body, LineHeight, page.Width - keyWidth, TextAlign.Left);
            return new Row(item.Key, key, value, Math.Max(key.Height, value.Height) + 2 * PaddingY);
        }).ToList();
    }

    sealed record Row(string KeyText, CellLayout Key, CellLayout Value, double Height);
}
