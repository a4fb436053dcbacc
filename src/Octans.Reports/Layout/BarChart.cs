using System.Globalization;
using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

public enum BarChartLayout
{
    Grouped,
    Stacked,
}

/// <summary>One named set of values, one value per chart category.</summary>
public sealed record ChartSeries
{
    public ChartSeries(string name, IReadOnlyList<double> values)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A chart series needs a name; it is shown in the legend, e.g. \"Opened\".", nameof(name));
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => !double.IsFinite(v) || v < 0))
            throw new ArgumentException(
                $"The series \"{name}\" has a negative or non-numeric value; bar charts here start at zero, so pass counts or other values of 0 or more.",
                nameof(values));
        Name = name.Trim();
        Values = [.. values];
    }

    public string Name { get; }
    public IReadOnlyList<double> Values { get; }
}

/// <summary>
/// A vector bar chart, tagged as a figure. <paramref name="altText"/> is required: it is what a screen reader
/// reads instead of the picture, so say what the chart shows, not that it is a chart.
/// </summary>
public sealed class BarChart
{
    public BarChart(
        string altText,
        IReadOnlyList<string> categories,
        IReadOnlyList<ChartSeries> series,
        BarChartLayout layout = BarChartLayout.Grouped,
        double height = 220,
        string? valueAxisTitle = null)
    {
        if (string.IsNullOrWhiteSpace(altText))
            throw new ArgumentException(
                "A chart needs alt text that tells a reader who cannot see it what it shows, " +
                "e.g. \"Open problems per month: rising from 4 in November to 9 in October.\"",
                nameof(altText));
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (categories.Count == 0)
            throw new ArgumentException("A chart needs at least one category, e.g. one per month.", nameof(categories));
        if (categories.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("Every chart category needs a label, e.g. \"Oct\".", nameof(categories));
        if (series.Count == 0)
            throw new ArgumentException("A chart needs at least one series of values.", nameof(series));
        var mismatched = series.FirstOrDefault(s => s is null || s.Values.Count != categories.Count);
        if (mismatched is not null || series.Any(s => s is null))
            throw new ArgumentException(
                $"Every series needs one value per category ({categories.Count}); " +
                $"\"{mismatched?.Name}\" has {mismatched?.Values.Count ?? 0}.",
                nameof(series));
        if (series.Count > Theme.SeriesColours.Count)
            throw new ArgumentException(
                $"A chart can show at most {Theme.SeriesColours.Count} series and stay readable; split it or use a table.", nameof(series));
        if (!Enum.IsDefined(layout))
            throw new ArgumentOutOfRangeException(nameof(layout), layout, "Use BarChartLayout.Grouped or BarChartLayout.Stacked.");
        if (!double.IsFinite(height) || height < 120 || height > 600)
            throw new ArgumentOutOfRangeException(nameof(height), height, "A chart must be between 120 and 600 points tall.");

        AltText = altText.Trim();
        Categories = [.. categories.Select(c => c.Trim())];
        Series = [.. series];
        Layout = layout;
        Height = height;
        ValueAxisTitle = string.IsNullOrWhiteSpace(valueAxisTitle) ? null : valueAxisTitle.Trim();
    }

    public string AltText { get; }
    public IReadOnlyList<string> Categories { get; }
    public IReadOnlyList<ChartSeries> Series { get; }
    public BarChartLayout Layout { get; }
    public double Height { get; }
    public string? ValueAxisTitle { get; }
}

internal sealed class BarChartBlock(BarChart chart) : Block
{
    const double LineHeight = Theme.ChartLineHeight;
    const double LabelRoom = 12;
    const double SwatchSize = 8;
    static readonly CultureInfo Numbers = CultureInfo.GetCultureInfo("en-GB");
    static readonly XColor Grid = XColor.FromArgb(0xE5, 0xE8, 0xEB);

    public override double LeadHeight(PageComposer page) => chart.Height;

    public override void Compose(PageComposer page)
    {
        if (chart.Height > page.ContentHeight)
            throw new InvalidOperationException(
                $"The chart \"{chart.AltText}\" is {chart.Height:0} points tall but a page holds {page.ContentHeight:0}; make it shorter.");
        if (!page.AtPageTop && !page.Fits(chart.Height))
            page.NewPage();

        var bounds = new XRect(page.Left, page.Cursor, page.Width, chart.Height);
        page.Open(StructureTag.Figure, chart.AltText, bounds);
        Draw(page, bounds);
        page.Close();
        page.Advance(chart.Height);
        page.Space(Theme.BlockSpaceAfter);
    }

    void Draw(PageComposer page, XRect bounds)
    {
        var type = page.Typesetter;
        var style = Theme.ChartLabel;
        var top = bounds.Top;

        if (chart.Series.Count > 1)
            top = DrawLegend(page, bounds) + 6;

        var scale = ValueScale.For(chart);
        var tickLabels = scale.Ticks.Select(t => t.ToString(scale.Format, Numbers)).ToArray();
        var axisLabelWidth = tickLabels.Max(l => type.Width(style, l));

        if (chart.ValueAxisTitle is not null)
        {
            page.Text(type.Wrap(chart.ValueAxisTitle, style, bounds.Width)[0], bounds.Left, top, LineHeight, style, Theme.SecondaryText);
            top += LineHeight + 2;
        }

        var plotLeft = bounds.Left + axisLabelWidth + 6;
        var plotWidth = bounds.Right - plotLeft;
        var slot = plotWidth / chart.Categories.Count;
        if (slot < 12)
            throw new InvalidOperationException(
                $"The chart \"{chart.AltText}\" has {chart.Categories.Count} categories, too many to label on one page; show fewer or use a table.");

        var categoryLines = chart.Categories.Select(c => type.Wrap(c, style, slot - 4)).ToArray();
        var plotBottom = bounds.Bottom - categoryLines.Max(l => l.Count) * LineHeight - 4;
        var plotTop = top + LabelRoom;
        var plotHeight = plotBottom - plotTop;
        if (plotHeight < 40)
            throw new InvalidOperationException(
                $"The chart \"{chart.AltText}\" leaves only {plotHeight:0} points for its bars after the legend and labels; make it taller.");

        for (var i = 0; i < scale.Ticks.Count; i++)
        {
            var y = plotBottom - scale.Ticks[i] / scale.Maximum * plotHeight;
            if (i > 0)
                page.Emit(new StrokeLine(new(plotLeft, y), new(bounds.Right, y), Grid, 0.5));
            var label = type.Wrap(tickLabels[i], style, axisLabelWidth + 1)[0];
            page.Text(label, plotLeft - 6 - label.Width, y - LineHeight / 2, LineHeight, style, Theme.SecondaryText);
        }

        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var slotLeft = plotLeft + c * slot;
            if (chart.Layout == BarChartLayout.Stacked)
                DrawStack(page, scale, c, slotLeft, slot, plotBottom, plotHeight);
            else
                DrawGroup(page, scale, c, slotLeft, slot, plotBottom, plotHeight);

            var labelTop = plotBottom + 4;
            foreach (var line in categoryLines[c])
            {
                page.Text(line, slotLeft + (slot - line.Width) / 2, labelTop, LineHeight, style, Theme.Text);
                labelTop += LineHeight;
            }
        }

        page.Emit(new StrokeLine(new(plotLeft, plotBottom), new(bounds.Right, plotBottom), Theme.StrongRule, 1));
    }

    void DrawGroup(PageComposer page, ValueScale scale, int category, double slotLeft, double slot, double plotBottom, double plotHeight)
    {
        var groupWidth = slot * 0.74;
        var barWidth = groupWidth / chart.Series.Count;
        var labelsFit = chart.Series.All(s => ValueLabelWidth(page, s.Values.Max()) <= barWidth);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var value = chart.Series[s].Values[category];
            var x = slotLeft + (slot - groupWidth) / 2 + s * barWidth;
            var height = value / scale.Maximum * plotHeight;
            var gap = chart.Series.Count > 1 ? Math.Min(1.5, barWidth * 0.1) : 0;
            page.Emit(new FillRectangle(new XRect(x, plotBottom - height, barWidth - gap, height), Theme.SeriesColours[s]));
            if (labelsFit)
                ValueLabel(page, value, x + (barWidth - gap) / 2, plotBottom - height);
        }
    }

    void DrawStack(PageComposer page, ValueScale scale, int category, double slotLeft, double slot, double plotBottom, double plotHeight)
    {
        var barWidth = slot * 0.56;
        var x = slotLeft + (slot - barWidth) / 2;
        var y = plotBottom;
        var total = 0.0;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var value = chart.Series[s].Values[category];
            var height = value / scale.Maximum * plotHeight;
            y -= height;
            total += value;
            page.Emit(new FillRectangle(new XRect(x, y, barWidth, height), Theme.SeriesColours[s]));
            // A white seam keeps neighbouring segments apart for readers who cannot tell their colours apart.
            if (s > 0 && height > 0)
                page.Emit(new StrokeLine(new(x, y + height), new(x + barWidth, y + height), XColors.White, 1));
        }
        if (ValueLabelWidth(page, total) <= slot)
            ValueLabel(page, total, x + barWidth / 2, y);
    }

    double ValueLabelWidth(PageComposer page, double value) =>
        page.Typesetter.Width(Theme.ChartLabel, value.ToString("#,0.##", Numbers)) + 2;

    static void ValueLabel(PageComposer page, double value, double centreX, double barTop)
    {
        var line = page.Typesetter.Wrap(value.ToString("#,0.##", Numbers), Theme.ChartLabel, 1000)[0];
        page.Text(line, centreX - line.Width / 2, barTop - LineHeight - 1, LineHeight, Theme.ChartLabel, Theme.Text);
    }

    double DrawLegend(PageComposer page, XRect bounds)
    {
        var style = Theme.ChartLabel;
        var x = bounds.Left;
        var y = bounds.Top;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var line = page.Typesetter.Wrap(chart.Series[s].Name, style, bounds.Width - SwatchSize - 4)[0];
            var itemWidth = SwatchSize + 4 + line.Width + 14;
            if (x > bounds.Left && x + itemWidth > bounds.Right)
            {
                x = bounds.Left;
                y += LineHeight + 2;
            }
            page.Emit(new FillRectangle(new XRect(x, y + (LineHeight - SwatchSize) / 2, SwatchSize, SwatchSize), Theme.SeriesColours[s]));
            page.Text(line, x + SwatchSize + 4, y, LineHeight, style, Theme.Text);
            x += itemWidth;
        }
        return y + LineHeight;
    }

    sealed record ValueScale(double Maximum, IReadOnlyList<double> Ticks, string Format)
    {
        public static ValueScale For(BarChart chart)
        {
            var largest = chart.Layout == BarChartLayout.Stacked
                ? Enumerable.Range(0, chart.Categories.Count).Max(c => chart.Series.Sum(s => s.Values[c]))
                : chart.Series.Max(s => s.Values.Max());
            if (largest <= 0)
                largest = 1;

            var step = NiceStep(largest / 4);
            // Counts should not get ticks at 0.5.
            if (chart.Series.All(s => s.Values.All(v => v == Math.Floor(v))))
                step = Math.Max(step, 1);
            var maximum = Math.Ceiling(largest / step - 1e-9) * step;
            var ticks = new List<double>();
            for (var tick = 0.0; tick <= maximum + step / 2; tick += step)
                ticks.Add(Math.Round(tick, 10));
            return new ValueScale(maximum, ticks, step >= 1 ? "#,0" : "#,0.##");
        }

        static double NiceStep(double rough)
        {
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            var fraction = rough / magnitude;
            var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }
}
