using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

/// <summary>
/// Flows blocks down the content column and starts a new page when one is full. Collects draw operations
/// per page; nothing is drawn until the page count is known, so the footer can say "Page X of Y".
/// </summary>
internal sealed class PageComposer(Typesetter typesetter, PageMargins margins)
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;

    readonly List<List<DrawOp>> _pages = [[]];
    IReadOnlyList<Block> _blocks = [];
    int _current;

    public Typesetter Typesetter { get; } = typesetter;
    public PageMargins Margins { get; } = margins;
    public double Left => Margins.Left;
    public double Width => PageWidth - Margins.Left - Margins.Right;
    public double Top => Margins.Top;
    public double Bottom => PageHeight - Margins.Bottom;
    public double ContentHeight => Bottom - Top;

    public double Cursor { get; private set; } = margins.Top;
    public double Remaining => Bottom - Cursor;
    public bool AtPageTop => Cursor <= Top;
    public int PageCount => _pages.Count;

    public void Compose(IReadOnlyList<Block> blocks)
    {
        _blocks = blocks;
        for (_current = 0; _current < blocks.Count; _current++)
            blocks[_current].Compose(this);
    }

    /// <summary>
    /// How much of what follows the current block must come with it onto the page: the lead of the next block,
    /// and, through headings and spacing, of the block after that, so a Heading1 directly followed by a Heading2
    /// is not left behind at the foot of a page.
    /// </summary>
    public double LeadHeightOfFollowingBlocks()
    {
        var height = 0.0;
        for (var i = _current + 1; i < _blocks.Count; i++)
        {
            height += _blocks[i].LeadHeight(this);
            if (!_blocks[i].KeepsWithNext)
                break;
        }
        return height;
    }

    public void NewPage()
    {
        _pages.Add([]);
        Cursor = Top;
    }

    public void Advance(double height) => Cursor += height;

    /// <summary>Vertical space between blocks; it disappears at the top of a page and never pushes past the bottom.</summary>
    public void Space(double height)
    {
        if (!AtPageTop)
            Cursor = Math.Min(Cursor + height, Bottom);
    }

    public bool Fits(double height) => height <= Remaining + 0.01;

    public void Emit(DrawOp op) => _pages[^1].Add(op);

    public void Open(StructureTag tag, string? label = null, XRect bounds = default) => Emit(new OpenElement(tag, label, bounds));

    public void Close() => Emit(CloseElement.Instance);

    public void OpenArtifact() => Emit(Layout.OpenArtifact.Instance);

    public void CloseArtifact() => Emit(Layout.CloseArtifact.Instance);

    public void Text(TextLine line, double x, double top, double lineHeight, TextStyle style, XColor colour)
    {
        var baseline = top + Typesetter.BaselineOffset(style, lineHeight);
        foreach (var segment in line.Segments)
            Emit(new DrawText(segment.Text, segment.Font, colour, x + segment.X, baseline));
    }

    public IReadOnlyList<IReadOnlyList<DrawOp>> Pages => _pages;
}
