namespace Octans.Reports.Layout;

internal abstract class Block
{
    public abstract void Compose(PageComposer page);

    /// <summary>The height of this block's first part that cannot be split, used to keep a heading with it.</summary>
    public virtual double LeadHeight(PageComposer page) => 0;

    /// <summary>Whether this block must share a page with the start of the block after it, as a heading must.</summary>
    public virtual bool KeepsWithNext => false;
}

internal sealed class HeadingBlock(int level, string text) : Block
{
    public int Level => level;

    TextStyle Style => level == 1 ? Theme.Heading1 : Theme.Heading2;
    double LineHeight => Math.Ceiling(Style.Size * 1.25);
    double SpaceBefore => level == 1 ? Theme.Heading1SpaceBefore : Theme.Heading2SpaceBefore;
    double SpaceAfter => level == 1 ? Theme.Heading1SpaceAfter : Theme.Heading2SpaceAfter;

    public override double LeadHeight(PageComposer page) =>
        SpaceBefore + page.Typesetter.Wrap(text, Style, page.Width).Count * LineHeight + SpaceAfter;

    public override bool KeepsWithNext => true;

    public override void Compose(PageComposer page)
    {
        var lines = page.Typesetter.Wrap(text, Style, page.Width);
        var height = lines.Count * LineHeight;
        page.Space(SpaceBefore);
        if (!page.AtPageTop && !page.Fits(height + SpaceAfter + page.LeadHeightOfFollowingBlocks()))
            page.NewPage();

        page.Open(level == 1 ? StructureTag.Heading1 : StructureTag.Heading2, text, new(page.Left, page.Cursor, page.Width, height));
        foreach (var line in lines)
        {
            page.Text(line, page.Left, page.Cursor, LineHeight, Style, Theme.Text);
            page.Advance(LineHeight);
        }
        page.Close();

        if (level == 1)
        {
            page.OpenArtifact();
            page.Emit(new StrokeLine(new(page.Left, page.Cursor + 2), new(page.Left + page.Width, page.Cursor + 2), Theme.Accent, 1.5));
            page.CloseArtifact();
        }
        page.Advance(SpaceAfter);
    }
}

internal sealed class ParagraphBlock(IReadOnlyList<TextRun> runs) : Block
{
    const double LineHeight = Theme.BodyLineHeight;

    public override double LeadHeight(PageComposer page) =>
        Math.Min(2, page.Typesetter.Wrap(runs, page.Width).Count) * LineHeight;

    public override void Compose(PageComposer page)
    {
        var lines = page.Typesetter.Wrap(runs, page.Width);
        var orphanGuard = Math.Min(2, lines.Count) * LineHeight;
        if (!page.AtPageTop && !page.Fits(orphanGuard))
            page.NewPage();

        page.Open(StructureTag.Paragraph);
        var index = 0;
        while (index < lines.Count)
        {
            var fitting = (int)Math.Floor((page.Remaining + 0.01) / LineHeight);
            var left = lines.Count - index;
            var take = Math.Min(fitting, left);
            // A single last line alone at the top of the next page (a widow) reads badly; move one more with it.
            if (take < left && left - take == 1 && take >= 3)
                take--;

            for (var i = 0; i < take; i++)
            {
                page.Text(lines[index + i], page.Left, page.Cursor, LineHeight, Theme.Body, Theme.Text);
                page.Advance(LineHeight);
            }
            index += take;
            if (index < lines.Count)
                page.NewPage();
        }
        page.Close();
        page.Space(Theme.ParagraphSpaceAfter);
    }
}

internal sealed class SpacingBlock(double height) : Block
{
    public override double LeadHeight(PageComposer page) => height;

    public override bool KeepsWithNext => true;

    public override void Compose(PageComposer page) => page.Space(height);
}

internal sealed class PageBreakBlock : Block
{
    public override void Compose(PageComposer page)
    {
        if (!page.AtPageTop)
            page.NewPage();
    }
}
