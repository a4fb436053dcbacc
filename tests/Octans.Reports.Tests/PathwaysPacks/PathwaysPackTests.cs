using System.Text.RegularExpressions;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Reports.PathwaysPacks;
using Octans.Reports.Tests.Layout;
using Octans.Testing;

namespace Octans.Reports.Tests.PathwaysPacks;

/// <summary>
/// A known area over July to September 2026: a lit street that moved on to Hold and drew two reports, fly-tipping reported and
/// cleared in the quarter, an alley that went back to Clear, and a sensitive meeting point that must never appear.
/// </summary>
public class PathwaysPackTests
{
    static readonly PackQuarter Q3 = new(2026, 3);
    static readonly Guid Team = Guid.Parse("0196a000-0000-7000-8000-00000000a001");
    static readonly Guid Sensitive = Guid.Parse("0196a000-0000-7000-8000-00000000e004");

    static DateTimeOffset On(int month, int day) => new(2026, month, day, 10, 0, 0, TimeSpan.Zero);

    static IReadOnlyList<IReadOnlyList<IProblemEvent>> Histories()
    {
        var lamps = ProblemScript.Report("HT-0001", "Lamps out on Wenlock Street", On(5, 10), location: "14 Wenlock Street, High Town");
        var lit = lamps.AddCriterion("All three lamps working for four weeks", On(6, 1));
        var replace = lamps.Plan("Replace the three lamps", Team, new DateOnly(2026, 7, 31), On(7, 1));
        lamps.Complete(replace, "Done.", On(7, 10)).Meet(lit, "Inspection log", On(7, 20)).Advance(On(8, 1));
        lamps.Plan("Night inspection of the columns", Team, new DateOnly(2026, 10, 15), On(8, 2));
        lamps.Recurred("Column 5 dark", new DateOnly(2026, 9, 2), On(9, 3), "FixMyStreet").Recurred("Column 6 dark", new DateOnly(2026, 9, 2), On(9, 3));
        lamps.Review(Rag.Amber, "Stay in Hold until the cable is fixed.", On(9, 10), new DateOnly(2026, 10, 20));

        var tipping = ProblemScript.Report("HT-0002", "Fly-tipping behind Burr Street", On(7, 5), category: "Fly-tipping", location: "Garage block, Burr Street");
        tipping.Close(Outcome.Resolved, "Cleared and gated.", On(9, 20));

        var alley = ProblemScript.Report("HT-0003", "Drug litter in the Brunswick alley", On(3, 1), category: "Drug litter", location: "Brunswick Street alley");
        alley.Advance(On(4, 1), "Swept; patrols take over.").Revert("Needles found again.", On(8, 15));

        var outreach = ProblemScript.Report("HT-0004", "Outreach meeting point", On(7, 2), category: "Outreach", location: "Dunstable Road car park", id: Sensitive);
        outreach.Advance(On(8, 2), "Agreed at tasking to hold.");

        return [lamps.Events, tipping.Events, alley.Events, outreach.Events];
    }

    static PathwaysPackModel Model() => PathwaysPackModel.From("High Town", Q3, Histories(), new HashSet<Guid> { Sensitive });

    [Fact]
    public void The_model_counts_each_phase_the_moves_the_reports_and_what_comes_next()
    {
        var model = Model();

        model.ByPhase.ShouldBe([
            new PhaseQuarter(Phase.Clear, AtStart: 1, AtEnd: 1, CameIn: 2, MovedOn: 2, WentBack: 0),
            new PhaseQuarter(Phase.Hold, AtStart: 1, AtEnd: 1, CameIn: 1, MovedOn: 0, WentBack: 1),
            new PhaseQuarter(Phase.Build, AtStart: 0, AtEnd: 0, CameIn: 0, MovedOn: 0, WentBack: 0),
        ]);
        model.NewProblems.ShouldBe(1);
        model.ClosedByOutcome.ShouldBe([new OutcomeCount(Outcome.Resolved, 1)]);
        model.MovedOn.Select(m => (m.Reference, m.From, m.To)).ShouldBe([("HT-0001", Phase.Clear, Phase.Hold), ("HT-0002", Phase.Clear, (Phase?)null)]);
        model.MovedOn[0].Why.ShouldContain("All three lamps working for four weeks");
        model.MovedOn[0].Place.ShouldBe("Wenlock Street, High Town");
        model.WentBack.Single().Why.ShouldBe("Needles found again.");
        model.Reported.ShouldHaveSingleItem().Reports.ShouldBe(2);
        model.Reported[0].Done.ShouldBe(["Replace the three lamps"]);
        model.ComingNext.ShouldBe([new PlaceNext("HT-0001", "Wenlock Street, High Town", "Street lighting", Phase.Hold, 1,
            new DateOnly(2026, 10, 15), new DateOnly(2026, 10, 20), SlippingBack: false)]);
    }

    [Fact]
    public void The_pdf_reads_back_with_the_known_figures_and_never_the_sensitive_place()
    {
        var pack = PathwaysPackDocument.Render(Model());
        using var pdf = RenderedPdf.Read(pack.Pdf);
        var text = Regex.Replace(string.Join(" ", Enumerable.Range(1, pdf.PageCount).SelectMany(pdf.Lines)), @"\s+", " ");

        text.ShouldContain("High Town Pathways pack, July to September 2026");
        text.ShouldContain("In July to September 2026, 1 new problem was taken on in High Town, 2 places moved on a step or closed, " +
                           "1 place went back a step, and residents reported 2 problems again at 1 place the partnership is working on.");
        pdf.Lines(pdf.PageWithLine("What changed in each step")).ShouldContain("Clear 1 2 2 0 1");
        text.ShouldContain("Hold 1 1 0 1 1");
        text.ShouldContain("1 problem was closed: resolved 1.");
        text.ShouldContain("Clear to Hold");
        text.ShouldContain("Replace the three lamps");
        text.ShouldNotContain("14 Wenlock");
        text.ShouldNotContain("Dunstable");
        text.ShouldNotContain("HT-0004");
        text.ShouldNotContain("Outreach");
        text.ShouldNotContain("Sam Coordinator");
    }

    [Fact]
    public void The_same_model_always_gives_the_same_bytes()
    {
        PathwaysPackDocument.Render(Model()).Sha256.ShouldBe(PathwaysPackDocument.Render(Model()).Sha256);
    }

    [Theory]
    [InlineData("2026-Q4", 2026, 4)]
    [InlineData("2027-q1", 2027, 1)]
    public void A_quarter_is_written_as_year_and_quarter(string text, int year, int quarter)
    {
        PackQuarter.Parse(text).ShouldBe(new PackQuarter(year, quarter));
        new PackQuarter(2026, 4).Name.ShouldBe("October to December 2026");
        new PackQuarter(2026, 4).Cutoff.ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        PackQuarter.TryParse("2026-Q5", out _).ShouldBeFalse();
        PackQuarter.TryParse("2026-10", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("14 Wenlock Street, High Town", "Wenlock Street, High Town")]
    [InlineData("Flat 3, 12a Burr Street", "Burr Street")]
    [InlineData("Rear of 10-12 Hitchin Road", "Rear of Hitchin Road")]
    [InlineData("Garage block, Burr Street", "Garage block, Burr Street")]
    public void Places_are_given_at_street_level(string place, string street) => StreetLevel.Of(place).ShouldBe(street);
}
