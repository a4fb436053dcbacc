using Octans.Reports.Layout;

namespace Octans.Reports.Tests.Layout;

public class BarChartTests
{
    static RenderedPdf Render(BarChart chart) =>
        RenderedPdf.Read(new PackDocument(SamplePack.Info()).Content(c => c.Heading1("Chart").BarChart(chart)).Render());

    static int FilledShapes(UglyToad.PdfPig.Content.Page page, byte red, byte green, byte blue) =>
        page.Paths.Count(p => p.IsFilled && p.FillColor is { } colour
            && colour.ToRGBValues() is var (r, g, b)
            && Math.Round(r * 255) == red && Math.Round(g * 255) == green && Math.Round(b * 255) == blue);

    [Fact]
    public void A_grouped_chart_draws_a_bar_per_value_labels_every_category_and_names_every_series_in_the_legend()
    {
        using var pdf = Render(new BarChart(
            "Actions completed and overdue by partner in October.",
            ["Council", "Police", "Azalea"],
            [new ChartSeries("Completed", [18, 12, 8]), new ChartSeries("Overdue", [2, 1, 3])]));

        var words = pdf.Words(1);
        words.ShouldContain("Council");
        words.ShouldContain("Police");
        words.ShouldContain("Azalea");
        words.ShouldContain("Completed");
        words.ShouldContain("Overdue");
        words.ShouldContain("18");
        // Three bars plus one legend swatch per series.
        FilledShapes(pdf.Page(1), 0x1D, 0x70, 0xB8).ShouldBe(4);
        FilledShapes(pdf.Page(1), 0xF4, 0x77, 0x38).ShouldBe(4);
    }

    [Fact]
    public void A_stacked_chart_labels_each_stack_with_its_total()
    {
        using var pdf = Render(new BarChart(
            "Open problems by phase for three months.",
            ["Aug", "Sep", "Oct"],
            [new ChartSeries("Clear", [5, 4, 4]), new ChartSeries("Hold", [7, 8, 8]), new ChartSeries("Build", [4, 4, 5])],
            BarChartLayout.Stacked));

        var words = pdf.Words(1);
        words.ShouldContain("16");
        words.ShouldContain("17");
    }

    [Fact]
    public void Taller_bars_stand_for_bigger_values()
    {
        using var pdf = Render(new BarChart("Two values.", ["Small", "Large"], [new ChartSeries("Count", [10, 40])]));

        var bars = pdf.Page(1).Paths
            .Where(p => p.IsFilled && p.FillColor is { } c && c.ToRGBValues() is var (r, _, _) && Math.Round(r * 255) == 0x1D)
            .Select(p => p.GetBoundingRectangle()!.Value)
            .OrderBy(b => b.Left)
            .ToList();
        bars.Count.ShouldBe(2);
        (bars[1].Height / bars[0].Height).ShouldBe(4, 0.01);
        bars[1].Bottom.ShouldBe(bars[0].Bottom, 0.01);
    }

    [Fact]
    public void A_chart_with_too_many_categories_for_the_page_is_refused()
    {
        var categories = Enumerable.Range(1, 60).Select(i => $"Day {i}").ToList();
        var chart = new BarChart("Daily counts.", categories, [new ChartSeries("Count", categories.Select(_ => 1.0).ToList())]);

        Should.Throw<InvalidOperationException>(() => new PackDocument(SamplePack.Info()).Content(c => c.Heading1("Chart").BarChart(chart)).Render())
            .Message.ShouldContain("too many to label");
    }
}
