using System.Text;
using Octans.Reports.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Octans.Reports.Layout;

internal readonly record struct TextRun(string Text, TextStyle Style);

/// <summary>A piece of a line drawn with one font; <see cref="X"/> is relative to the start of the line.</summary>
internal sealed record TextSegment(string Text, XFont Font, double X);

internal sealed record TextLine(IReadOnlyList<TextSegment> Segments, double Width);

/// <summary>
/// Fonts, measuring and word wrap for one render. One instance per render keeps XFont instances and word widths
/// cached without sharing mutable state between threads.
/// </summary>
internal sealed class Typesetter : IDisposable
{
    readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
    readonly Dictionary<TextStyle, XFont> _fonts = [];
    readonly Dictionary<XFont, Dictionary<string, double>> _widths = new(ReferenceEqualityComparer.Instance);
    readonly Dictionary<(string, TextStyle, double), IReadOnlyList<TextLine>> _wrapped = [];

    public XFont Font(TextStyle style)
    {
        if (!_fonts.TryGetValue(style, out var font))
        {
            font = new XFont(
                LiberationSansFontResolver.FamilyName,
                style.Size,
                style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                new XPdfFontOptions(PdfFontEncoding.Unicode));
            _fonts.Add(style, font);
        }
        return font;
    }

    public double Width(TextStyle style, string text) => Width(Font(style), text);

    public double Width(XFont font, string text)
    {
        if (text.Length == 0)
            return 0;
        if (!_widths.TryGetValue(font, out var widths))
            _widths.Add(font, widths = new Dictionary<string, double>(StringComparer.Ordinal));
        if (!widths.TryGetValue(text, out var width))
            widths.Add(text, width = _measure.MeasureString(text, font).Width);
        return width;
    }

    /// <summary>Where the baseline sits in a line box of the given height, so that the glyphs look vertically centred.</summary>
    public double BaselineOffset(TextStyle style, double lineHeight)
    {
        var metrics = Font(style).Metrics;
        var ascent = style.Size * metrics.Ascent / metrics.UnitsPerEm;
        var descent = style.Size * metrics.Descent / metrics.UnitsPerEm;
        return (lineHeight - ascent - descent) / 2 + ascent;
    }

    /// <summary>
    /// Wraps plain text in one style. Table cells repeat the same words (team names, dates, phases) and every row
    /// is laid out twice, once to keep it with its heading and once to place it, so the lines are kept for reuse.
    /// </summary>
    public IReadOnlyList<TextLine> Wrap(string text, TextStyle style, double maxWidth)
    {
        var key = (text, style, maxWidth);
        if (!_wrapped.TryGetValue(key, out var lines))
            _wrapped.Add(key, lines = Wrap([new TextRun(text, style)], maxWidth));
        return lines;
    }

    /// <summary>
    /// Greedy word wrap. Runs that touch without whitespace form one word, so "HT-" + bold "0001" never splits.
    /// A newline forces a line break; a word wider than the line is broken between characters.
    /// </summary>
    public IReadOnlyList<TextLine> Wrap(IReadOnlyList<TextRun> runs, double maxWidth)
    {
        var lines = new List<TextLine>();
        var line = new LineBuilder(this);

        foreach (var word in Words(runs))
        {
            if (word.BreakBefore && !line.IsEmpty)
                lines.Add(line.Finish());

            var width = WordWidth(word);
            if (!line.IsEmpty && line.Width + SpaceWidth(word) + width > maxWidth)
                lines.Add(line.Finish());

            if (width <= maxWidth)
            {
                line.Add(word, SpaceWidth(word));
                continue;
            }

            foreach (var piece in BreakLongWord(word, maxWidth))
            {
                if (!line.IsEmpty)
                    lines.Add(line.Finish());
                line.Add(piece, 0);
            }
        }

        if (!line.IsEmpty || lines.Count == 0)
            lines.Add(line.Finish());
        return lines;
    }

    double SpaceWidth(Word word) => Width(word.Pieces[0].Font, " ");

    double WordWidth(Word word)
    {
        var width = 0.0;
        foreach (var piece in word.Pieces)
            width += Width(piece.Font, piece.Text);
        return width;
    }

    IEnumerable<Word> BreakLongWord(Word word, double maxWidth)
    {
        var pieces = new List<Piece>();
        var text = new StringBuilder();
        XFont? font = null;
        var width = 0.0;

        foreach (var piece in word.Pieces)
        {
            for (var i = 0; i < piece.Text.Length; i++)
            {
                var length = char.IsHighSurrogate(piece.Text[i]) && i + 1 < piece.Text.Length ? 2 : 1;
                var character = piece.Text.Substring(i, length);
                i += length - 1;

                var characterWidth = Width(piece.Font, character);
                if (width + characterWidth > maxWidth && (text.Length > 0 || pieces.Count > 0))
                {
                    FlushPiece();
                    yield return new Word(pieces, false);
                    pieces = [];
                    width = 0;
                }
                if (!ReferenceEquals(font, piece.Font))
                {
                    FlushPiece();
                    font = piece.Font;
                }
                text.Append(character);
                width += characterWidth;
            }
        }

        FlushPiece();
        if (pieces.Count > 0)
            yield return new Word(pieces, false);

        void FlushPiece()
        {
            if (text.Length == 0 || font is null)
                return;
            pieces.Add(new Piece(text.ToString(), font));
            text.Clear();
        }
    }

    IEnumerable<Word> Words(IReadOnlyList<TextRun> runs)
    {
        var pieces = new List<Piece>();
        var text = new StringBuilder();
        XFont? font = null;
        var breakBefore = false;

        foreach (var run in runs)
        {
            var runFont = Font(run.Style);
            foreach (var c in run.Text)
            {
                if (char.IsWhiteSpace(c))
                {
                    FlushPiece();
                    if (pieces.Count > 0)
                    {
                        yield return new Word(pieces, breakBefore);
                        pieces = [];
                        breakBefore = false;
                    }
                    if (c == '\n')
                        breakBefore = true;
                    continue;
                }

                if (!ReferenceEquals(font, runFont))
                {
                    FlushPiece();
                    font = runFont;
                }
                text.Append(c);
            }
        }

        FlushPiece();
        if (pieces.Count > 0)
            yield return new Word(pieces, breakBefore);

        void FlushPiece()
        {
            if (text.Length == 0 || font is null)
                return;
            pieces.Add(new Piece(text.ToString(), font));
            text.Clear();
        }
    }

    public void Dispose() => _measure.Dispose();

    sealed record Piece(string Text, XFont Font);

    sealed record Word(IReadOnlyList<Piece> Pieces, bool BreakBefore);

    sealed class LineBuilder(Typesetter typesetter)
    {
        readonly List<TextSegment> _segments = [];
        readonly StringBuilder _text = new();
        XFont? _font;
        double _segmentX;

        public double Width { get; private set; }
        public bool IsEmpty => _segments.Count == 0 && _text.Length == 0;

        public void Add(Word word, double spaceWidth)
        {
            var first = true;
            foreach (var piece in word.Pieces)
            {
                var needsSpace = first && !IsEmpty;
                if (!ReferenceEquals(_font, piece.Font))
                {
                    FlushSegment();
                    if (needsSpace)
                        Width += spaceWidth;
                    _font = piece.Font;
                    _segmentX = Width;
                }
                else if (needsSpace)
                {
                    _text.Append(' ');
                    Width += spaceWidth;
                }

                _text.Append(piece.Text);
                Width += typesetter.Width(piece.Font, piece.Text);
                first = false;
            }
        }

        public TextLine Finish()
        {
            FlushSegment();
            var line = new TextLine([.. _segments], Width);
            _segments.Clear();
            _font = null;
            Width = 0;
            return line;
        }

        void FlushSegment()
        {
            if (_text.Length > 0 && _font is not null)
                _segments.Add(new TextSegment(_text.ToString(), _font, _segmentX));
            _text.Clear();
        }
    }
}
