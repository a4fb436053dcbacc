using Octans.Reports.Layout;
using UglyToad.PdfPig.Tokens;

namespace Octans.Reports.Tests.Layout;

public class LongDocumentTests
{
    [Fact]
    public void Rendering_tells_how_many_pages_the_document_came_to()
    {
        var rendered = SamplePack.Create(problemRows: 120).RenderDocument();

        using var pdf = RenderedPdf.Read(rendered.Pdf);
        rendered.Pages.ShouldBe(pdf.PageCount);
        rendered.Pdf.ShouldBe(SamplePack.Create(problemRows: 120).Render());
    }

    [Fact]
    public void The_parent_tree_has_one_entry_per_page_in_page_order_with_a_structure_element_for_each_marked_content()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create(problemRows: 400).Render());

        var root = pdf.Get<DictionaryToken>(pdf.Catalog, "StructTreeRoot")!;
        var nums = pdf.Get<ArrayToken>(pdf.Get<DictionaryToken>(root, "ParentTree")!, "Nums")!.Data;
        var keys = nums.Where((_, i) => i % 2 == 0).Select(k => ((NumericToken)pdf.Resolve<IToken>(k)).Int).ToList();
        keys.ShouldBe(Enumerable.Range(0, pdf.PageCount));
        pdf.PageCount.ShouldBeGreaterThan(8);

        foreach (var page in pdf.Pages)
        {
            var structParents = ((NumericToken)page.Dictionary.Data["StructParents"]).Int;
            var parents = pdf.Resolve<ArrayToken>(nums[2 * keys.IndexOf(structParents) + 1]).Data;
            var markedWithId = page.GetMarkedContents().SelectMany(Flatten).Count(m => m.MarkedContentIdentifier >= 0);
            parents.Count.ShouldBe(markedWithId, $"page {page.Number}");
            parents.ShouldAllBe(p => pdf.Resolve<IToken>(p) is DictionaryToken);
        }
    }

    [Fact]
    public void A_short_key_value_list_is_kept_whole_on_the_next_page_rather_than_split()
    {
        // About 75 points are left on the first page: room for three of the six items.
        var document = new PackDocument(SamplePack.Info()).Content(c => c
            .Heading1("Filler")
            .Spacing(400)
            .Spacing(200)
            .KeyValueList(l => l.Item("First key", "one").Item("Second key", "two").Item("Third key", "three").Item("Fourth key", "four")
                .Item("Fifth key", "five").Item("Sixth key", "six")));

        using var pdf = RenderedPdf.Read(document.Render());

        pdf.PageWithLine("First key one").ShouldBe(2);
        pdf.PageWithLine("Sixth key six").ShouldBe(2);
    }

    static IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> Flatten(UglyToad.PdfPig.Content.MarkedContentElement element) =>
        element.Children.SelectMany(Flatten).Prepend(element);
}
