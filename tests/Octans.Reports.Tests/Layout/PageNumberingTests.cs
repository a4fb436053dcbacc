using Octans.Reports.Layout;

namespace Octans.Reports.Tests.Layout;

public class PageNumberingTests
{
    [Fact]
    public void Every_page_footer_says_page_x_of_y_with_the_right_numbers()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        pdf.PageCount.ShouldBeGreaterThan(2);
        foreach (var page in pdf.Pages)
            pdf.Text(page.Number).ShouldContain($"Page {page.Number} of {pdf.PageCount}");
    }

    [Fact]
    public void The_page_header_text_is_on_every_page()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        foreach (var page in pdf.Pages)
        {
            var text = pdf.Text(page.Number);
            text.ShouldContain("High Town · October 2026");
            text.ShouldContain("Monthly progress pack");
            text.ShouldContain("Built from events up to 31 October 2026, 23:59");
        }
    }

    [Fact]
    public void An_explicit_page_break_starts_a_new_page_but_two_in_a_row_leave_no_blank_page()
    {
        var document = new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("First")
            .Paragraph("On page one.")
            .PageBreak()
            .PageBreak()
            .Heading1("Second")
            .Paragraph("On page two."));

        using var pdf = RenderedPdf.Read(document.Render());

        pdf.PageCount.ShouldBe(2);
        pdf.Text(1).ShouldContain("On page one.");
        pdf.Text(2).ShouldContain("On page two.");
        pdf.Text(2).ShouldContain("Page 2 of 2");
    }
}
