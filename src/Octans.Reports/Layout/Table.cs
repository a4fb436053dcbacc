using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

public enum TextAlign
{
    Left,
    Right,
    Centre,
}

/// <summary>
/// Describes a table: columns first (each with the header text screen readers announce), then rows.
/// The header row repeats on every page the table continues onto; rows are never split across pages.
/// </summary>
public sealed class TableDescriptor
{
    readonly List<TableColumn> _columns = [];
    readonly List<Cell[]> _rows = [];

    internal TableDescriptor()
    {
    }

    /// <summary>A column that shares the width left over by fixed columns in proportion to <paramref name="relativeWidth"/>.</summary>
    public TableDescriptor Column(string header, double relativeWidth = 1, TextAlign align = TextAlign.Left)
    {
        if (!double.IsFinite(relativeWidth) || relativeWidth <= 0)
            throw new ArgumentOutOfRangeException(nameof(relativeWidth), relativeWidth,
                "A relative column width must be a positive number, e.g. 1 for a narrow column and 4 for a wide one.");
        return AddColumn(new TableColumn(header, relativeWidth, null, align));
    }

    /// <summary>A column exactly <paramref name="points"/> wide (72 points = 1 inch).</summary>
    public TableDescriptor FixedColumn(string header, double points, TextAlign align = TextAlign.Left)
    {
        if (!double.IsFinite(points) || points < 2 * Theme.CellPaddingX + 10)
            throw new ArgumentOutOfRangeException(nameof(points), points,
                $"A fixed column must be at least {2 * Theme.CellPaddingX + 10} points wide to hold any text.");
        return AddColumn(new TableColumn(header, null, points, align));
    }

    /// <summary>One value per column, in column order; strings and <see cref="Badge"/>s convert to cells.</summary>
    public TableDescriptor Row(params Cell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (_columns.Count == 0)
            throw new InvalidOperationException("A table needs at least one column; call .Column(...) before adding rows.");
        if (cells.Length != _columns.Count)
            throw new ArgumentException(
                $"This row has {cells.Length} cell(s) but the table has {_columns.Count} column(s) ({string.Join(", ", _columns.Select(c => c.Header))}); " +
                "pass one value per column, using \"\" for an empty cell.",
                nameof(cells));
        _rows.Add(cells.Select(c => c ?? Cell.FromText("")).ToArray());
        return this;
    }

    TableDescriptor AddColumn(TableColumn column)
    {
        if (string.IsNullOrWhiteSpace(column.Header))
            throw new ArgumentException(
                "Every column needs header text; it becomes the table header cell that screen readers announce with each value.",
                nameof(column));
        if (_rows.Count > 0)
            throw new InvalidOperationException(
                $"Add all columns before the first row; this table already has {_rows.Count} row(s) of {_columns.Count} column(s).");
        _columns.Add(column with { Header = column.Header.Trim() });
        return this;
    }

    internal TableBlock Build()
    {
        if (_columns.Count == 0)
            throw new InvalidOperationException(
                "A table needs at least one column; call .Column(...) inside Table(t => ...) before adding rows.");
        return new TableBlock([.. _columns], [.. _rows]);
    }
}

internal sealed record TableColumn(string Header, double? RelativeWidth, double? FixedWidth, TextAlign Align);

internal sealed class TableBlock(IReadOnlyList<TableColumn> columns, IReadOnlyList<Cell[]> rows) : Block
{
    const double LineHeight = Theme.TableLineHeight;
    const double MinimumRelativeColumnWidth = 24;

    public override double LeadHeight(PageComposer page)
    {
        var widths = ColumnWidths(page.Width);
        var lead = LayOutHeader(page, widths).Height;
        if (rows.Count > 0)
            lead += LayOutRow(page, widths, rows[0]).Height;
        return lead;
    }

    public override void Compose(PageComposer page)
    {
        var widths = ColumnWidths(page.Width);
        var header = LayOutHeader(page, widths);
        var lead = header.Height + (rows.Count > 0 ? LayOutRow(page, widths, rows[0]).Height : 0);
        if (!page.AtPageTop && !page.Fits(lead))
            page.NewPage();

        var roomForRows = page.ContentHeight - header.Height;
        page.Open(StructureTag.Table);
        page.Open(StructureTag.TableHead);
        ComposeHeader(page, widths, header, tagged: true);
        page.Close();

        page.Open(StructureTag.TableBody);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = LayOutRow(page, widths, rows[index]);
            if (row.Height > roomForRows + 0.01)
                throw new InvalidOperationException(
                    $"Row {index + 1} of the table with columns {Describe()} is {row.Height:0} points tall, but a page has room for only " +
                    $"{roomForRows:0} points below the header row. Rows are never split across pages: shorten the text in that row or spread it over several rows.");

            if (!page.Fits(row.Height))
            {
                page.NewPage();
                ComposeHeader(page, widths, header, tagged: false);
            }
            ComposeRow(page, widths, row, index);
        }
        page.Close();
        page.Close();
        page.Space(Theme.BlockSpaceAfter);
    }

    /// <summary>
    /// The header is tagged as table header cells once; where it repeats on a continuation page it is an artifact,
    /// so a screen reader meets the table's header row once, as in the source table.
    /// </summary>
    static void ComposeHeader(PageComposer page, double[] widths, RowLayout header, bool tagged)
    {
        var top = page.Cursor;
        var width = widths.Sum();
        page.OpenArtifact();
        page.Emit(new FillRectangle(new XRect(page.Left, top, width, header.Height), Theme.HeaderFill));
        page.Emit(new StrokeLine(new(page.Left, top + header.Height), new(page.Left + width, top + header.Height), Theme.StrongRule, 1));
        if (!tagged)
        {
            ComposeCells(page, widths, header, top, StructureTag.TableHeaderCell, tagged: false);
            page.CloseArtifact();
        }
        else
        {
            page.CloseArtifact();
            page.Open(StructureTag.TableRow);
            ComposeCells(page, widths, header, top, StructureTag.TableHeaderCell, tagged: true);
            page.Close();
        }
        page.Advance(header.Height);
    }

    static void ComposeRow(PageComposer page, double[] widths, RowLayout row, int index)
    {
        var top = page.Cursor;
        var width = widths.Sum();
        page.OpenArtifact();
        if (index % 2 == 1)
            page.Emit(new FillRectangle(new XRect(page.Left, top, width, row.Height), Theme.ZebraFill));
        page.Emit(new StrokeLine(new(page.Left, top + row.Height), new(page.Left + width, top + row.Height), Theme.Hairline, 0.75));
        page.CloseArtifact();

        page.Open(StructureTag.TableRow);
        ComposeCells(page, widths, row, top, StructureTag.TableDataCell, tagged: true);
        page.Close();
        page.Advance(row.Height);
    }

    static void ComposeCells(PageComposer page, double[] widths, RowLayout row, double top, StructureTag tag, bool tagged)
    {
        var x = page.Left;
        for (var i = 0; i < widths.Length; i++)
        {
            if (tagged)
                page.Open(tag);
            row.Cells[i].Compose(page, x + Theme.CellPaddingX, top + Theme.CellPaddingY, Theme.Text);
            if (tagged)
                page.Close();
            x += widths[i];
        }
    }

    RowLayout LayOutHeader(PageComposer page, double[] widths) =>
        new(columns.Select((column, i) =>
            new CellLayout(page.Typesetter, column.Header, Theme.TableHeader, LineHeight, widths[i] - 2 * Theme.CellPaddingX, column.Align)).ToArray());

    RowLayout LayOutRow(PageComposer page, double[] widths, Cell[] cells) =>
        new(cells.Select((cell, i) =>
            new CellLayout(page.Typesetter, cell, Theme.TableText, LineHeight, widths[i] - 2 * Theme.CellPaddingX, columns[i].Align)).ToArray());

    double[] ColumnWidths(double available)
    {
        var fixedTotal = columns.Sum(c => c.FixedWidth ?? 0);
        var relativeTotal = columns.Sum(c => c.RelativeWidth ?? 0);
        var left = available - fixedTotal;
        if (left < 0 || (relativeTotal > 0 && columns.Where(c => c.RelativeWidth is not null).Any(c => left * c.RelativeWidth!.Value / relativeTotal < MinimumRelativeColumnWidth)))
            throw new InvalidOperationException(
                $"The table with columns {Describe()} does not fit: its fixed columns take {fixedTotal:0} points of the {available:0} points available " +
                $"and every other column needs at least {MinimumRelativeColumnWidth:0}. Make the fixed columns narrower or use relative widths.");

        return columns.Select(c => c.FixedWidth ?? left * c.RelativeWidth!.Value / relativeTotal).ToArray();
    }

    string Describe() => string.Join(", ", columns.Select(c => $"\"{c.Header}\""));

    sealed class RowLayout(CellLayout[] cells)
    {
        public CellLayout[] Cells { get; } = cells;
        public double Height { get; } = cells.Max(c => c.Height) + 2 * Theme.CellPaddingY;
    }
}
