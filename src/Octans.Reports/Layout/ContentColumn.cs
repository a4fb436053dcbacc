namespace Octans.Reports.Layout;

/// <summary>The flowing column of a document: blocks in reading order, broken into pages automatically.</summary>
public sealed class ContentColumn
{
    readonly List<Block> _blocks;

    internal ContentColumn(List<Block> blocks) => _blocks = blocks;

    public ContentColumn Heading1(string text) => Add(new HeadingBlock(1, Required(text, "A heading needs text, e.g. Heading1(\"Summary\").")));

    public ContentColumn Heading2(string text)
    {
        Required(text, "A heading needs text, e.g. Heading2(\"Problems in Hold\").");
        if (!_blocks.Any(b => b is HeadingBlock { Level: 1 }))
            throw new InvalidOperationException(
                "Add a Heading1 before the first Heading2; screen-reader users navigate by heading level and a skipped level reads as missing content.");
        return Add(new HeadingBlock(2, text.Trim()));
    }

    public ContentColumn Paragraph(string text) =>
        Add(new ParagraphBlock([new TextRun(Required(text, "A paragraph needs text; use Spacing(points) for vertical space."), Theme.Body)]));

    /// <summary>A paragraph with bold runs, e.g. <c>p =&gt; p.Text("Moved to ").Bold("Hold").Text(" on 3 October.")</c>.</summary>
    public ContentColumn Paragraph(Action<ParagraphDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var paragraph = new ParagraphDescriptor();
        compose(paragraph);
        return Add(new ParagraphBlock(paragraph.Build()));
    }

    /// <summary>Vertical space in points; it is dropped at the top of a page.</summary>
    public ContentColumn Spacing(double points)
    {
        if (!double.IsFinite(points) || points <= 0 || points > 400)
            throw new ArgumentOutOfRangeException(nameof(points), points,
                "Spacing is in points and must be more than 0 and at most 400; use PageBreak() to start a new page.");
        return Add(new SpacingBlock(points));
    }

    public ContentColumn KeyValueList(Action<KeyValueListDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var list = new KeyValueListDescriptor();
        compose(list);
        return Add(list.Build());
    }

    public ContentColumn Table(Action<TableDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var table = new TableDescriptor();
        compose(table);
        return Add(table.Build());
    }

    public ContentColumn BarChart(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart, nameof(chart));
        return Add(new BarChartBlock(chart));
    }

    /// <summary>Small photos side by side, each tagged as a Figure with its alt text.</summary>
    public ContentColumn Pictures(IReadOnlyList<Picture> pictures)
    {
        ArgumentNullException.ThrowIfNull(pictures, nameof(pictures));
        return Add(new PictureRowBlock(pictures));
    }

    /// <summary>Starts a new page, unless the column is already at the top of one.</summary>
    public ContentColumn PageBreak() => Add(new PageBreakBlock());

    ContentColumn Add(Block block)
    {
        _blocks.Add(block);
        return this;
    }

    static string Required(string? text, string whatToDo) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException(whatToDo, nameof(text)) : text.Trim();
}

/// <summary>Text of one paragraph built from plain and bold runs; spaces between runs are kept as written.</summary>
public sealed class ParagraphDescriptor
{
    readonly List<TextRun> _runs = [];

    internal ParagraphDescriptor()
    {
    }

    public ParagraphDescriptor Text(string text) => Add(text, Theme.Body);

    public ParagraphDescriptor Bold(string text) => Add(text, Theme.BodyBold);

    ParagraphDescriptor Add(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        _runs.Add(new TextRun(text, style));
        return this;
    }

    internal IReadOnlyList<TextRun> Build() =>
        _runs.Any(r => !string.IsNullOrWhiteSpace(r.Text))
            ? [.. _runs]
            : throw new InvalidOperationException("A paragraph needs text; call .Text(...) or .Bold(...) inside Paragraph(p => ...).");
}
