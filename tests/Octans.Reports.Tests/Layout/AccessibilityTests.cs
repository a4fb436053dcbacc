using Octans.Reports.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Octans.Reports.Tests.Layout;

public class AccessibilityTests
{
    [Fact]
    public void The_document_declares_its_language_and_title_and_asks_viewers_to_show_the_title()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        pdf.TextOf(pdf.Catalog, "Lang").ShouldBe("en-GB");
        pdf.Information.Title.ShouldBe("High Town monthly pack, October 2026");
        pdf.Information.Author.ShouldBe("Operation Octans partnership");
        var preferences = pdf.Get<DictionaryToken>(pdf.Catalog, "ViewerPreferences")!;
        pdf.Get<BooleanToken>(preferences, "DisplayDocTitle")!.Data.ShouldBeTrue();
        var markInfo = pdf.Get<DictionaryToken>(pdf.Catalog, "MarkInfo")!;
        pdf.Get<BooleanToken>(markInfo, "Marked")!.Data.ShouldBeTrue();
    }

    [Fact]
    public void Headings_paragraphs_lists_tables_and_figures_are_in_the_structure_tree()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        var document = pdf.StructureTree().Children.ShouldHaveSingleItem();
        document.Type.ShouldBe("Document");
        document.Children.Select(c => c.Type).Distinct().ShouldBe(["H1", "P", "L", "H2", "Figure", "Table"], ignoreOrder: true);
        document.Children.Where(c => c.Type == "H1").Count().ShouldBe(3);
        document.Children.Where(c => c.Type == "H2").Count().ShouldBe(2);

        var list = document.Children.Single(c => c.Type == "L");
        list.Children.Count.ShouldBe(4);
        list.Children.ShouldAllBe(item => item.Type == "LI" && item.Children.Select(c => c.Type).SequenceEqual(new[] { "Lbl", "LBody" }));
    }

    [Fact]
    public void A_table_has_one_header_row_of_column_headers_and_a_body_row_per_data_row_even_across_pages()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create(problemRows: 60).Render());

        var table = pdf.StructureTree().Descendants().Single(n => n.Type == "Table");
        table.Children.Select(c => c.Type).ShouldBe(["THead", "TBody"]);
        var headerRow = table.Children[0].Children.ShouldHaveSingleItem();
        headerRow.Type.ShouldBe("TR");
        headerRow.Children.Count.ShouldBe(5);
        headerRow.Children.ShouldAllBe(cell => cell.Type == "TH");
        foreach (var cell in headerRow.Children)
            Attribute(pdf, cell, "Scope").ShouldBe("Column");

        var bodyRows = table.Children[1].Children;
        bodyRows.Count.ShouldBe(60);
        bodyRows.ShouldAllBe(row => row.Type == "TR" && row.Children.Count == 5 && row.Children.All(cell => cell.Type == "TD"));
    }

    [Fact]
    public void Charts_are_figures_with_their_alt_text_and_a_bounding_box_around_the_drawing()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        var figures = pdf.StructureTree().Descendants().Where(n => n.Type == "Figure").ToList();
        figures.Count.ShouldBe(2);
        figures[0].Alt.ShouldBe("Stacked bar chart of open problems by phase, November 2025 to October 2026. Clear falls from 9 to 4, Hold rises from 2 to 8 and Build from 0 to 5.");
        figures[1].Alt!.ShouldStartWith("Grouped bar chart of actions in October by partner.");

        var box = BoundingBox(pdf, figures[0]);
        var november = pdf.Page(1).GetWords().First(w => w.Text == "Nov").BoundingBox;
        november.Left.ShouldBeGreaterThanOrEqualTo(box.Left);
        november.Right.ShouldBeLessThanOrEqualTo(box.Right);
        november.Bottom.ShouldBeGreaterThanOrEqualTo(box.Bottom);
        november.Top.ShouldBeLessThanOrEqualTo(box.Top);
    }

    [Fact]
    public void Page_headers_and_footers_are_artifacts_and_body_text_is_tagged_content()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        foreach (var page in pdf.Pages)
        {
            var marked = page.GetMarkedContents().SelectMany(Flatten).ToList();
            var artifactText = string.Concat(marked.Where(m => m.IsArtifact).SelectMany(m => m.Letters).Select(l => l.Value));
            artifactText.ShouldContain($"Page {page.Number} of {pdf.PageCount}");
            artifactText.ShouldContain("High Town · October 2026");
            marked.Where(m => !m.IsArtifact).ShouldNotBeEmpty();
            page.Letters.Count.ShouldBe(marked.Sum(m => m.Letters.Count), "every letter on the page is either tagged content or an artifact");
            page.Paths.Count.ShouldBe(marked.Sum(m => m.Paths.Count), "every rule, fill and bar is either tagged content or an artifact");
        }
        var headingText = string.Concat(pdf.Page(1).GetMarkedContents().SelectMany(Flatten).Where(m => m.Tag == "H1").SelectMany(m => m.Letters).Select(l => l.Value));
        headingText.ShouldBe("Summary");
    }

    [Fact]
    public void Headings_become_bookmarks_with_second_level_headings_under_their_first_level_heading()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        var outlines = pdf.Get<DictionaryToken>(pdf.Catalog, "Outlines")!;
        var titles = new List<string>();
        var first = pdf.Get<DictionaryToken>(outlines, "First");
        while (first is not null)
        {
            titles.Add(pdf.TextOf(first, "Title")!);
            var child = pdf.Get<DictionaryToken>(first, "First");
            while (child is not null)
            {
                titles.Add("  " + pdf.TextOf(child, "Title")!);
                child = pdf.Get<DictionaryToken>(child, "Next");
            }
            first = pdf.Get<DictionaryToken>(first, "Next");
        }

        titles.ShouldBe([
            "Summary",
            "  Problems by phase over the last 12 months",
            "  Actions by partner this month",
            "Where each problem stands",
            "Notes",
        ]);
    }

    static IEnumerable<MarkedContentElement> Flatten(MarkedContentElement element) =>
        element.Children.SelectMany(Flatten).Prepend(element);

    static string? Attribute(RenderedPdf pdf, StructureNode node, string key)
    {
        if (!node.Dictionary.TryGet(NameToken.Create("A"), out var attributes))
            return null;
        var resolved = pdf.Resolve<IToken>(attributes);
        var owners = resolved is ArrayToken array ? array.Data.Select(pdf.Resolve<IToken>) : [resolved];
        return owners.OfType<DictionaryToken>()
            .Select(owner => pdf.Get<NameToken>(owner, key)?.Data)
            .FirstOrDefault(value => value is not null);
    }

    static UglyToad.PdfPig.Core.PdfRectangle BoundingBox(RenderedPdf pdf, StructureNode node)
    {
        var attributes = pdf.Resolve<IToken>(node.Dictionary.Data["A"]);
        var owners = attributes is ArrayToken array ? array.Data.Select(pdf.Resolve<IToken>) : [attributes];
        var box = owners.OfType<DictionaryToken>().Select(o => pdf.Get<ArrayToken>(o, "BBox")).Single(b => b is not null)!;
        var numbers = box.Data.Cast<NumericToken>().Select(n => n.Double).ToArray();
        return new UglyToad.PdfPig.Core.PdfRectangle(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
