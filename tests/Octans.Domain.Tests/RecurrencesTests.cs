using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class RecurrencesTests
{
    private static Decision Decide(LogRecurrence command) =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), command, LightingOfficer, Now);

    [Fact]
    public void A_recurrence_is_logged() =>
        Decide(new LogRecurrence(Today.AddDays(-1), " Six bags dumped overnight. ", " "))
            .ShouldAccept(new RecurrenceLogged(ProblemId, Today.AddDays(-1), "Six bags dumped overnight.", null,
                LightingOfficer, Now));

    [Fact]
    public void A_recurrence_cannot_be_seen_in_the_future() =>
        Decide(new LogRecurrence(Today.AddDays(1), "Bags dumped.")).ShouldBeRefused("observedOn");

    [Fact]
    public void A_recurrence_needs_the_date_it_was_seen() =>
        Decide(new LogRecurrence(null, "Bags dumped.")).ShouldBeRefused("observedOn");

    [Fact]
    public void A_recurrence_needs_a_description() =>
        Decide(new LogRecurrence(Today, " ", "CCTV")).ShouldBeRefused("description");

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void A_recurrence_description_has_at_most_500_characters(int length, bool accepted) =>
        Decide(new LogRecurrence(Today, Text(length))).IsRefused.ShouldBe(!accepted);
}

public class RecurrencePlaceTests
{
    private static readonly Location Pin = new("Garages off Lea Road", 51.8850, -0.4150, null, null, null);

    [Fact]
    public void A_recurrence_keeps_where_it_was_seen() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), new LogRecurrence(Today, "Bags.", "Open311: FixMyStreet", Pin with { Description = " Garages off Lea Road " }), Coordinator, Now)
            .ShouldAccept(new RecurrenceLogged(ProblemId, Today, "Bags.", "Open311: FixMyStreet", Coordinator, Now, Pin));

    [Fact]
    public void A_recurrence_seen_outside_the_UK_is_refused() =>
        ProblemDecisions.Decide(Given(), new LogRecurrence(Today, "Bags.", null, Pin with { Longitude = 12.5 }), Coordinator, Now)
            .ShouldBeRefused("place.longitude");
}
