using Octans.Reports.Layout;

namespace Octans.Reports.Tests.Layout;

public class TextTests
{
    const double A4Width = 595.28;
    static readonly PageMargins Margins = PageMargins.Default;

    static readonly string LongText = string.Join(" ", Enumerable.Range(1, 120).Select(i =>
        $"word{i} {(i % 7 == 0 ? "re-inspection" : "alleyway")}"));

    [Fact]
    public void A_long_paragraph_wraps_within_the_margins_and_keeps_every_word_in_order()
    {
        var document = new PackDocument(SamplePack.Info()).Content(c => c.Heading1("Notes").Paragraph(LongText));

        using var pdf = RenderedPdf.Read(document.Render());

        var page = pdf.Page(1);
        var body = page.GetWords().Where(w => w.Text.StartsWith("word") || w.Text is "alleyway" or "re-inspection").ToList();
        body.Select(w => w.Text).ShouldBe(LongText.Split(' '));
        body.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count().ShouldBeGreaterThan(5);
        body.ShouldAllBe(w => w.BoundingBox.Left >= Margins.Left - 0.5 && w.BoundingBox.Right <= A4Width - Margins.Right + 0.5);
    }

    [Fact]
    public void A_paragraph_longer_than_a_page_continues_on_the_next_page()
    {
        var text = string.Join(" ", Enumerable.Range(1, 1200).Select(i => $"w{i}"));
        var document = new PackDocument(SamplePack.Info()).Content(c => c.Heading1("Long").Paragraph(text));

        using var pdf = RenderedPdf.Read(document.Render());

        pdf.PageCount.ShouldBeGreaterThan(1);
        var words = pdf.Pages.SelectMany(p => p.GetWords()).Select(w => w.Text).Where(w => w.StartsWith('w')).ToList();
        words.ShouldBe(text.Split(' '));
    }

    [Fact]
    public void Bold_runs_are_drawn_in_the_bold_face_and_the_rest_in_the_regular_face()
    {
        var document = new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("Phase moves")
            .Paragraph(p => p.Text("The alley moved to ").Bold("Hold").Text(" on 3 October.")));

        using var pdf = RenderedPdf.Read(document.Render());

        var words = pdf.Page(1).GetWords().ToList();
        words.Single(w => w.Text == "Hold").Letters.ShouldAllBe(l => l.FontName!.Contains("Bold"));
        words.Single(w => w.Text == "alley").Letters.ShouldAllBe(l => !l.FontName!.Contains("Bold"));
        pdf.Text(1).ShouldContain("The alley moved to Hold on 3 October.");
    }

    [Fact]
    public void A_word_wider_than_the_column_is_broken_instead_of_running_off_the_page()
    {
        var reference = new string('X', 200);
        var document = new PackDocument(SamplePack.Info()).Content(c => c.Heading1("Reference").Paragraph(reference));

        using var pdf = RenderedPdf.Read(document.Render());

        var letters = pdf.Page(1).Letters.Where(l => l.Value == "X").ToList();
        letters.Count.ShouldBe(200);
        letters.ShouldAllBe(l => l.BoundingBox.Right <= A4Width - Margins.Right + 0.5);
        letters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void A_heading_that_would_be_last_on_a_page_moves_to_the_next_page_with_its_text()
    {
        var filler = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"filler{i}"));
        var document = new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("Opening")
            // Leaves room on page one for the heading but not for the heading and two lines of its paragraph.
            .Spacing(320).Spacing(300)
            .Heading2("Lonely heading")
            .Paragraph(filler));

        using var pdf = RenderedPdf.Read(document.Render());

        pdf.PageCount.ShouldBe(2);
        pdf.Words(2).ShouldContain("Lonely");
        pdf.Text(2).ShouldContain("filler1 filler2");
    }

    [Fact]
    public void A_first_level_heading_stays_with_a_second_level_heading_and_the_text_after_both()
    {
        var document = new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("Opening")
            // Leaves room on page one for the Heading1 and the Heading2, but not for them and the first line after.
            .Spacing(300).Spacing(283)
            .Heading1("Chapter")
            .Heading2("Section")
            .Paragraph("First words of the section."));

        using var pdf = RenderedPdf.Read(document.Render());

        pdf.PageCount.ShouldBe(2);
        pdf.Words(2).ShouldContain("Chapter");
        pdf.Words(2).ShouldContain("Section");
        pdf.Text(2).ShouldContain("First words of the section.");
    }
}
