using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Reports.Tests.Layout;
using Octans.Testing;
using static Octans.Reports.Tests.MonthlyPacks.KnownArea;

namespace Octans.Reports.Tests.MonthlyPacks;

public class PackPhotosTests
{
    static readonly Guid PhotoId = Guid.Parse("0196a000-0000-7000-8000-00000000f001");
    static readonly byte[] Thumbnail = SamplePhotos.Jpeg(320, 240);

    /// <summary>The known area, with an after photo of HT-0001's patrols added in October.</summary>
    static List<IReadOnlyList<IProblemEvent>> WithPhoto(DateTimeOffset addedAt)
    {
        var histories = Histories().ToList();
        var lights = histories[0].ToList();
        var patrols = lights.OfType<ActionPlanned>().Single(a => a.Description == "Targeted patrols at the dark spot");
        lights.Insert(lights.Count - 1, new PhotoAdded(patrols.ProblemId, PhotoId, patrols.ActionId, null, BeforeOrAfter.After, patrols.By, addedAt));
        histories[0] = lights;
        return histories;
    }

    static MonthlyPackModel Model(DateTimeOffset addedAt) =>
        MonthlyPackModel.From(AreaName, October, WithPhoto(addedAt), Teams, new Dictionary<Guid, byte[]> { [PhotoId] = Thumbnail });

    [Fact]
    public void A_photo_added_in_the_month_is_in_the_pack_as_a_figure_with_alt_text()
    {
        var model = Model(At(10, 29, 12));
        model.ActiveProblems.Single(p => p.Reference == "HT-0001").Photos.ShouldHaveSingleItem().Caption.ShouldBe("After, 29 October 2026");

        using var pdf = RenderedPdf.Read(MonthlyPackDocument.Render(model).Pdf);

        var figures = pdf.StructureTree().Descendants().Where(n => n.Type == "Figure").ToList();
        figures.Count.ShouldBe(3);
        figures.Select(f => f.Alt).ShouldContain("After the work: Targeted patrols at the dark spot");
        pdf.Pages.Sum(page => page.GetImages().Count()).ShouldBe(1);
    }

    [Fact]
    public void A_photo_added_in_another_month_is_left_out()
    {
        var model = Model(At(9, 20, 12));

        model.ActiveProblems.SelectMany(p => p.Photos).ShouldBeEmpty();
    }

    [Fact]
    public void The_same_model_with_a_photo_renders_the_same_bytes()
    {
        var model = Model(At(10, 29, 12));

        MonthlyPackDocument.Render(model).Pdf.ShouldBe(MonthlyPackDocument.Render(model).Pdf);
    }
}
