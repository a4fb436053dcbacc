using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

/// <summary>A cell's content wrapped to a width: text lines, preceded by a dot when the cell is a badge.</summary>
internal sealed class CellLayout
{
    readonly IReadOnlyList<TextLine> _lines;
    readonly Badge? _badge;
    readonly TextStyle _style;
    readonly double _lineHeight;
    readonly double _width;
    readonly TextAlign _align;

    public CellLayout(Typesetter typesetter, Cell cell, TextStyle style, double lineHeight, double width, TextAlign align)
    {
        _badge = cell.Badge;
        _style = style;
        _lineHeight = lineHeight;
        _width = width;
        _align = align;
        var textWidth = _badge is null ? width : width - Theme.BadgeDiameter - Theme.BadgeGap;
        _lines = cell.Text.Length == 0 ? [] : typesetter.Wrap(cell.Text, style, Math.Max(textWidth, 1));
    }

    public double Height => Math.Max(1, _lines.Count) * _lineHeight;

    /// <summary>Emits the content; the dot is an artifact because the word next to it already says what it means.</summary>
    public void Compose(PageComposer page, double x, double top, XColor colour)
    {
        var textX = x;
        if (_badge is not null)
        {
            var contentWidth = Theme.BadgeDiameter + Theme.BadgeGap + (_lines.Count > 0 ? _lines.Max(l => l.Width) : 0);
            var dotX = x + Offset(contentWidth, _width);
            page.OpenArtifact();
            page.Emit(new FillCircle(new XPoint(dotX + Theme.BadgeDiameter / 2, top + _lineHeight / 2), Theme.BadgeDiameter / 2, Theme.Colour(_badge.Colour)));
            page.CloseArtifact();
            textX = dotX + Theme.BadgeDiameter + Theme.BadgeGap;
            foreach (var line in _lines)
            {
                page.Text(line, textX, top, _lineHeight, _style, colour);
                top += _lineHeight;
            }
            return;
        }

        foreach (var line in _lines)
        {
            page.Text(line, textX + Offset(line.Width, _width), top, _lineHeight, _style, colour);
            top += _lineHeight;
        }
    }

    double Offset(double contentWidth, double boxWidth) => _align switch
    {
        TextAlign.Right => Math.Max(0, boxWidth - contentWidth),
        TextAlign.Centre => Math.Max(0, (boxWidth - contentWidth) / 2),
        _ => 0,
    };
}
