using Octans.Reports.Fonts;
using UglyToad.PdfPig.Tokens;

namespace Octans.Reports.Tests.Layout;

public class FontTests
{
    [Fact]
    public void All_text_is_set_in_Liberation_Sans_embedded_in_the_file()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        var fontNames = pdf.Pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        fontNames.ShouldNotBeEmpty();
        fontNames.ShouldAllBe(name => name != null && name.Contains("Liberation"));

        foreach (var page in pdf.Pages)
        {
            var resources = pdf.Get<DictionaryToken>(page.Dictionary, "Resources")!;
            var fonts = pdf.Get<DictionaryToken>(resources, "Font")!;
            foreach (var font in fonts.Data.Values.Select(pdf.Resolve<DictionaryToken>))
            {
                var descendant = pdf.Resolve<DictionaryToken>(pdf.Get<ArrayToken>(font, "DescendantFonts")!.Data[0]);
                var descriptor = pdf.Get<DictionaryToken>(descendant, "FontDescriptor")!;
                pdf.Get<StreamToken>(descriptor, "FontFile2").ShouldNotBeNull($"{pdf.Get<NameToken>(font, "BaseFont")?.Data} is not embedded");
            }
        }
    }

    [Fact]
    public void The_resolver_serves_all_four_faces_from_the_assembly_and_nothing_else()
    {
        var resolver = new LiberationSansFontResolver();

        foreach (var (bold, italic) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var face = resolver.ResolveTypeface("Liberation Sans", bold, italic).ShouldNotBeNull().FaceName;
            var bytes = resolver.GetFont(face).ShouldNotBeNull();
            bytes.Length.ShouldBeGreaterThan(100_000);
            bytes.Take(4).ShouldBe(new byte[] { 0, 1, 0, 0 }, "a TrueType font starts with version 1.0");
        }
        resolver.ResolveTypeface("Arial", false, false).ShouldBeNull();
    }

    [Fact]
    public void Installing_the_resolver_from_many_threads_at_once_is_harmless()
    {
        Parallel.For(0, 16, _ => LiberationSansFontResolver.Install());

        PdfSharp.Fonts.GlobalFontSettings.FontResolver.ShouldBeOfType<LiberationSansFontResolver>();
    }
}
