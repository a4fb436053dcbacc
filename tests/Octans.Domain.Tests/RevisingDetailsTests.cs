using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class RevisingDetailsTests
{
    private static Decision Decide(ReviseDetails command) => ProblemDecisions.Decide(Given(), command, Coordinator, Now);

    [Fact]
    public void A_revision_records_only_what_changed()
    {
        var decision = Decide(new ReviseDetails(
            Title: " Fly-tipping in the alley ", Statement: Reported.Statement, Category: null, Risk: Risk.Medium,
            Location: Alley));

        decision.ShouldAccept(new ProblemDetailsRevised(
            ProblemId, "Fly-tipping in the alley", null, null, Risk.Medium, null, Coordinator, Now));
    }

    [Fact]
    public void A_new_location_is_recorded()
    {
        var moved = Alley with { Description = "Alley behind 62–80 High Town Road" };

        Decide(new ReviseDetails(null, null, null, null, moved))
            .ShouldAccept(new ProblemDetailsRevised(ProblemId, null, null, null, null, moved, Coordinator, Now));
    }

    [Fact]
    public void A_revision_that_changes_nothing_is_refused() =>
        Decide(new ReviseDetails(Reported.Title, null, Reported.Category, Risk.High, Alley)).ShouldBeRefused()
            .Detail.ShouldBe("Nothing has changed on HT-0007: change the title, statement, category, risk or location.");

    [Fact]
    public void An_empty_revision_is_refused() =>
        Decide(new ReviseDetails(null, null, null, null, null)).ShouldBeRefused();

    [Fact]
    public void A_title_cannot_be_blanked() =>
        Decide(new ReviseDetails(" ", null, null, null, null)).ShouldBeRefused("title");

    [Fact]
    public void A_revised_title_has_at_most_120_characters() =>
        Decide(new ReviseDetails(Text(121), null, null, null, null)).ShouldBeRefused("title");

    [Fact]
    public void A_revised_category_cannot_be_blanked() =>
        Decide(new ReviseDetails(null, null, "", null, null)).ShouldBeRefused("category");

    [Fact]
    public void A_revised_location_is_checked_like_a_reported_one() =>
        Decide(new ReviseDetails(null, null, null, null, Alley with { Latitude = 40.4 }))
            .ShouldBeRefused("location.latitude");
}
