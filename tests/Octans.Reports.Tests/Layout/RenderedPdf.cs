using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;

namespace Octans.Reports.Tests.Layout;

/// <summary>Reads a rendered PDF back with PdfPig, independently of PDFsharp.</summary>
internal sealed class RenderedPdf : IDisposable
{
    readonly PdfDocument _document;

    RenderedPdf(byte[] bytes) => _document = PdfDocument.Open(bytes);

    public static RenderedPdf Read(byte[] bytes) => new(bytes);

    public int PageCount => _document.NumberOfPages;

    public Page Page(int number) => _document.GetPage(number);

    public IEnumerable<Page> Pages => _document.GetPages();

    public IReadOnlyList<string> Words(int page) => Page(page).GetWords().Select(w => w.Text).ToList();

    public string Text(int page) => ContentOrderTextExtractor.GetText(Page(page));

    /// <summary>The words of a page joined into lines by their baseline, left to right, top to bottom.</summary>
    public IReadOnlyList<string> Lines(int page) =>
        Page(page).GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(line => line.Key)
            .Select(line => string.Join(" ", line.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))
            .ToList();

    /// <summary>The number of the first page with a line equal to <paramref name="line"/>, or 0.</summary>
    public int PageWithLine(string line) =>
        Enumerable.Range(1, PageCount).FirstOrDefault(page => Lines(page).Contains(line));

    public DictionaryToken Catalog => _document.Structure.Catalog.CatalogDictionary;

    public DocumentInformation Information => _document.Information;

    public IReadOnlyList<IToken> TrailerIds => _document.Structure.Trailer.Identifier;

    public T Resolve<T>(IToken token) where T : class, IToken =>
        token is IndirectReferenceToken reference
            ? (T)_document.Structure.GetObject(reference.Data).Data
            : (T)token;

    public T? Get<T>(DictionaryToken dictionary, string key) where T : class, IToken =>
        dictionary.TryGet(NameToken.Create(key), out var token) ? Resolve<T>(token) : null;

    /// <summary>A text string, whichever way the writer chose to encode it.</summary>
    public string? TextOf(DictionaryToken dictionary, string key) =>
        dictionary.TryGet(NameToken.Create(key), out var token)
            ? Resolve<IToken>(token) switch
            {
                StringToken text => text.Data,
                HexToken hex => hex.Data,
                _ => null,
            }
            : null;

    /// <summary>The logical structure tree under /StructTreeRoot, without marked-content leaves.</summary>
    public StructureNode StructureTree()
    {
        var root = Get<DictionaryToken>(Catalog, "StructTreeRoot") ?? throw new InvalidOperationException("The catalog has no /StructTreeRoot.");
        return Node("StructTreeRoot", root);
    }

    StructureNode Node(string type, DictionaryToken dictionary)
    {
        var children = new List<StructureNode>();
        if (dictionary.TryGet(NameToken.Create("K"), out var kids))
        {
            var resolved = kids is IndirectReferenceToken ? Resolve<IToken>(kids) : kids;
            var items = resolved is ArrayToken array ? array.Data : [resolved];
            foreach (var item in items)
            {
                if (Resolve<IToken>(item) is DictionaryToken child && child.TryGet(NameToken.Create("S"), out var s))
                    children.Add(Node(((NameToken)Resolve<IToken>(s)).Data, child));
            }
        }
        return new StructureNode(type, dictionary, children);
    }

    public void Dispose() => _document.Dispose();
}

internal sealed record StructureNode(string Type, DictionaryToken Dictionary, IReadOnlyList<StructureNode> Children)
{
    public IEnumerable<StructureNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));

    public string? Alt => Dictionary.TryGet(NameToken.Create("Alt"), out var alt) && alt is StringToken text ? text.Data : null;
}
