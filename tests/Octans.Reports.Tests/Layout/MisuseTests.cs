using Octans.Reports.Layout;

namespace Octans.Reports.Tests.Layout;

public class MisuseTests
{
    static PackDocument Document() => new(SamplePack.Info());

    [Fact]
    public void A_row_before_any_column_is_refused_with_what_to_do()
    {
        var error = Should.Throw<InvalidOperationException>(() => Document().Content(c => c.Table(t => t.Row("HT-0001"))));

        error.Message.ShouldBe("A table needs at least one column; call .Column(...) before adding rows.");
    }

    [Fact]
    public void A_table_without_columns_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Document().Content(c => c.Table(_ => { })))
            .Message.ShouldContain("call .Column(...)");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_names_the_columns()
    {
        var error = Should.Throw<ArgumentException>(() => Document().Content(c => c.Table(t => t.Column("Ref").Column("Title").Row("HT-0001"))));

        error.Message.ShouldContain("1 cell(s) but the table has 2 column(s) (Ref, Title)");
    }

    [Fact]
    public void A_column_added_after_rows_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Document().Content(c => c.Table(t => t.Column("Ref").Row("HT-0001").Column("Title"))))
            .Message.ShouldContain("Add all columns before the first row");
    }

    [Fact]
    public void A_column_without_header_text_is_refused()
    {
        Should.Throw<ArgumentException>(() => Document().Content(c => c.Table(t => t.Column(" "))))
            .Message.ShouldContain("needs header text");
    }

    [Fact]
    public void Fixed_columns_wider_than_the_page_are_refused_when_the_table_is_laid_out()
    {
        var document = Document().Content(c => c.Heading1("Wide").Table(t => t.FixedColumn("Ref", 400).FixedColumn("Title", 300).Row("a", "b")));

        Should.Throw<InvalidOperationException>(() => document.Render()).Message.ShouldContain("Make the fixed columns narrower");
    }

    [Fact]
    public void A_chart_without_alt_text_is_refused_with_an_example()
    {
        var error = Should.Throw<ArgumentException>(() => new BarChart(" ", ["Oct"], [new ChartSeries("Open", [3])]));

        error.ParamName.ShouldBe("altText");
        error.Message.ShouldContain("alt text");
    }

    [Fact]
    public void A_chart_series_with_a_value_missing_is_refused()
    {
        Should.Throw<ArgumentException>(() => new BarChart("Open problems", ["Sep", "Oct"], [new ChartSeries("Open", [3])]))
            .Message.ShouldContain("one value per category (2); \"Open\" has 1");
    }

    [Fact]
    public void A_negative_chart_value_is_refused()
    {
        Should.Throw<ArgumentException>(() => new ChartSeries("Open", [3, -1])).Message.ShouldContain("start at zero");
    }

    [Fact]
    public void A_badge_without_a_word_is_refused_because_colour_alone_does_not_carry_meaning()
    {
        var error = Should.Throw<ArgumentException>(() => new Badge(BadgeColour.Red, ""));

        error.Message.ShouldContain("needs a word next to its colour");
    }

    [Fact]
    public void A_second_level_heading_before_any_first_level_heading_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Document().Content(c => c.Heading2("Details")))
            .Message.ShouldContain("Add a Heading1 before the first Heading2");
    }

    [Fact]
    public void An_empty_paragraph_is_refused()
    {
        Should.Throw<ArgumentException>(() => Document().Content(c => c.Paragraph("  "))).Message.ShouldContain("use Spacing(points)");
        Should.Throw<InvalidOperationException>(() => Document().Content(c => c.Paragraph(p => p.Text(" "))));
    }

    [Fact]
    public void Rendering_a_document_with_no_content_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Document().Render()).Message.ShouldContain("call Content(c => ...)");
    }

    [Fact]
    public void A_document_without_a_title_or_language_is_refused()
    {
        Should.Throw<ArgumentException>(() => new DocumentInfo("", "en-GB", "Octans", SamplePack.Cutoff)).ParamName.ShouldBe("title");
        Should.Throw<ArgumentException>(() => new DocumentInfo("Pack", "", "Octans", SamplePack.Cutoff)).ParamName.ShouldBe("language");
        Should.Throw<ArgumentException>(() => new DocumentInfo("Pack", "English", "Octans", SamplePack.Cutoff)).Message.ShouldContain("\"en-GB\"");
    }

    [Fact]
    public void A_key_value_list_without_items_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Document().Content(c => c.KeyValueList(_ => { }))).Message.ShouldContain(".Item(key, value)");
    }
}
