using Octans.Reports.Layout;

namespace Octans.Reports.Tests.Layout;

public class TableTests
{
    static PackDocument ProblemTable(int rows) =>
        new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("Problems")
            .Table(t =>
            {
                t.FixedColumn("Reference", 60).Column("Problem title", 4).Column("Confidence", 1.5);
                for (var i = 1; i <= rows; i++)
                    t.Row($"HT-{i:0000}", $"{SamplePack.ProblemTitle(i)} endofrow{i}", new Badge(BadgeColour.Green, "Green"));
            }));

    [Fact]
    public void A_long_table_repeats_its_header_row_on_every_page_it_continues_onto()
    {
        using var pdf = RenderedPdf.Read(ProblemTable(120).Render());

        pdf.PageCount.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var page in pdf.Pages)
        {
            var words = pdf.Words(page.Number);
            words.ShouldContain("Reference");
            words.ShouldContain("Problem");
            words.ShouldContain("title");
            words.ShouldContain("Confidence");
        }
    }

    [Fact]
    public void The_repeated_header_row_sits_above_the_rows_it_heads()
    {
        using var pdf = RenderedPdf.Read(ProblemTable(120).Render());

        var page = pdf.Page(2);
        var header = page.GetWords().Single(w => w.Text == "Reference");
        var rows = page.GetWords().Where(w => w.Text.StartsWith("HT-")).ToList();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.BoundingBox.Top < header.BoundingBox.Bottom);
    }

    [Fact]
    public void Rows_are_never_split_across_pages()
    {
        using var pdf = RenderedPdf.Read(ProblemTable(120).Render());

        var pageOfWord = pdf.Pages
            .SelectMany(p => p.GetWords().Select(w => (w.Text, Page: p.Number)))
            .ToLookup(w => w.Text, w => w.Page);
        for (var i = 1; i <= 120; i++)
        {
            var reference = pageOfWord[$"HT-{i:0000}"].ShouldHaveSingleItem();
            pageOfWord[$"endofrow{i}"].ShouldHaveSingleItem().ShouldBe(reference, $"row {i} was split");
        }
    }

    [Fact]
    public void Cell_text_wraps_inside_its_column_and_keeps_every_word()
    {
        using var pdf = RenderedPdf.Read(ProblemTable(3).Render());

        var title = SamplePack.ProblemTitle(2) + " endofrow2";
        pdf.Text(1).Replace("\n", " ").Replace("\r", "").ShouldContain(title);
        var words = pdf.Page(1).GetWords().ToList();
        var first = words.First(w => w.Text == "Derelict");
        var last = words.First(w => w.Text == "endofrow2");
        last.BoundingBox.Bottom.ShouldBeLessThan(first.BoundingBox.Bottom - 10);
        var confidence = words.First(w => w.Text == "Confidence");
        words.Where(w => w.Text is "Derelict" or "night" or "endofrow2").ShouldAllBe(w => w.BoundingBox.Right < confidence.BoundingBox.Left);
    }

    [Fact]
    public void A_row_taller_than_a_page_is_refused_with_an_explanation()
    {
        var novel = string.Join(" ", Enumerable.Range(1, 3000).Select(i => $"word{i}"));
        var document = new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("Too much")
            .Table(t => t.Column("Ref").Column("Note", 5).Row("HT-0001", "short").Row("HT-0002", novel)));

        var error = Should.Throw<InvalidOperationException>(() => document.Render());

        error.Message.ShouldContain("Row 2");
        error.Message.ShouldContain("never split across pages");
    }

    [Fact]
    public void Badges_show_their_word_beside_the_dot()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create(problemRows: 3).Render());

        var words = pdf.Words(2);
        words.ShouldContain("Red");
        words.ShouldContain("Amber");
        words.ShouldContain("Green");
    }

    [Fact]
    public void Right_aligned_columns_end_at_the_same_edge()
    {
        var document = new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("Counts")
            .Table(t => t.Column("Partner", 3).Column("Actions", 1, TextAlign.Right)
                .Row("Luton Borough Council", "7")
                .Row("Bedfordshire Police", "1,204")));

        using var pdf = RenderedPdf.Read(document.Render());

        var words = pdf.Page(1).GetWords().ToList();
        var seven = words.Single(w => w.Text == "7");
        var many = words.Single(w => w.Text == "1,204");
        seven.BoundingBox.Right.ShouldBe(many.BoundingBox.Right, 0.6);
    }
}
