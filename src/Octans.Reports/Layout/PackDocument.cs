using Octans.Reports.Fonts;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Octans.Reports.Layout;

/// <summary>
/// An A4 portrait document: a page header and footer on every page and a flowing column of content.
/// It only composes what it is given; rendering does no I/O beyond writing to the stream passed in.
/// </summary>
/// <example>
/// <code>
/// var pack = new PackDocument(new DocumentInfo("High Town monthly pack, October 2026", "en-GB", "Operation Octans", cutoff))
///     .Header("High Town · October 2026", "Monthly progress pack")
///     .Footer("Produced by Octans")
///     .Content(c => c.Heading1("Summary").Paragraph("…"));
/// byte[] pdf = pack.Render();
/// </code>
/// </example>
public sealed class PackDocument
{
    readonly DocumentInfo _info;
    readonly PageMargins _margins;
    readonly List<Block> _blocks = [];
    string _headerLeft = "";
    string _headerRight = "";
    string _footerLeft = "";

    public PackDocument(DocumentInfo info, PageMargins? margins = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        _info = info;
        _margins = margins ?? PageMargins.Default;
    }

    /// <summary>Text at the top of every page, e.g. the area and month on the left and the pack's name on the right.</summary>
    public PackDocument Header(string left, string? right = null)
    {
        if (string.IsNullOrWhiteSpace(left) && string.IsNullOrWhiteSpace(right))
            throw new ArgumentException("A page header needs some text, e.g. Header(\"High Town · October 2026\").", nameof(left));
        _headerLeft = left?.Trim() ?? "";
        _headerRight = right?.Trim() ?? "";
        return this;
    }

    /// <summary>Text at the bottom left of every page; "Page X of Y" is always at the bottom right.</summary>
    public PackDocument Footer(string left)
    {
        if (string.IsNullOrWhiteSpace(left))
            throw new ArgumentException("Footer text cannot be empty; leave Footer(...) out to show only \"Page X of Y\".", nameof(left));
        _footerLeft = left.Trim();
        return this;
    }

    /// <summary>Adds blocks to the content column; several calls append in order, so sections can be composed separately.</summary>
    public PackDocument Content(Action<ContentColumn> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        compose(new ContentColumn(_blocks));
        return this;
    }

    public byte[] Render() => RenderDocument().Pdf;

    /// <summary>Renders the document and tells how many pages it came to.</summary>
    public RenderedDocument RenderDocument()
    {
        if (_blocks.Count == 0)
            throw new InvalidOperationException("The document has no content; call Content(c => ...) with at least one block before Render().");

        LiberationSansFontResolver.Install();
        using var typesetter = new Typesetter();
        var composer = new PageComposer(typesetter, _margins);
        composer.Compose(_blocks);

        var furniture = new PageFurniture(_headerLeft, _headerRight, _footerLeft);
        using var pdf = new PdfDocument();
        pdf.PageMode = PdfPageMode.UseOutlines;
        UAManager.ForDocument(pdf).SetDocumentLanguage(_info.Language);
        PdfPainter.Paint(pdf, composer.Pages, page => furniture.Compose(typesetter, _margins, page, composer.PageCount));
        return new RenderedDocument(ReproduciblePdf.Save(pdf, _info), composer.PageCount);
    }

    public void Render(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
            throw new ArgumentException("The output stream must be writable.", nameof(output));
        output.Write(Render());
    }
}

/// <summary>A rendered PDF and its number of pages.</summary>
public sealed record RenderedDocument(byte[] Pdf, int Pages);
