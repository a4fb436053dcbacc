using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

/// <summary>A picked date lies from 1 January 2000 to five years after today in London, both days included.</summary>
public class PickedDaysTests
{
    private static readonly Guid Open = Id(1);

    public static TheoryData<string, Func<DateOnly, Decision>, string> DatedCommands => new()
    {
        { "plan", day => ProblemDecisions.Decide(Given(), new PlanAction(Id(9), "Sweep", CleanStreets, day), Coordinator, Now), "dueOn" },
        { "reschedule", day => ProblemDecisions.Decide(Given(Planned(Open)), new RescheduleAction(Open, day, "Later."), LightingOfficer, Now), "dueOn" },
        { "next review", day => ProblemDecisions.Decide(Given(), new RecordReview(Today, Rag.Red, "Chase.", day), Coordinator, Now), "nextReviewOn" },
    };

    [Theory]
    [MemberData(nameof(DatedCommands))]
    public void A_date_five_years_ahead_is_accepted_and_the_day_after_is_refused(string because, Func<DateOnly, Decision> decide, string field)
    {
        decide(Today.AddYears(5)).IsRefused.ShouldBeFalse(because);
        decide(Today.AddYears(5).AddDays(1)).ShouldBeRefused(field);
        decide(DateOnly.MaxValue).ShouldBeRefused(field);
    }

    [Fact]
    public void Meetings_and_sightings_as_early_as_2000_are_accepted_and_earlier_ones_are_refused()
    {
        ProblemDecisions.Decide(Given(), new RecordReview(PickedDays.Earliest, Rag.Red, "Chase."), Coordinator, Now).IsRefused.ShouldBeFalse();
        ProblemDecisions.Decide(Given(), new LogRecurrence(PickedDays.Earliest, "Bags again"), Coordinator, Now).IsRefused.ShouldBeFalse();
        ProblemDecisions.Decide(Given(), new RecordReview(DateOnly.MinValue, Rag.Red, "Chase."), Coordinator, Now).ShouldBeRefused("meetingOn");
        ProblemDecisions.Decide(Given(), new LogRecurrence(PickedDays.Earliest.AddDays(-1), "Bags again"), Coordinator, Now).ShouldBeRefused("observedOn");
    }

    [Fact]
    public void A_due_date_in_the_past_gets_one_sentence_not_two() =>
        ProblemDecisions.Decide(Given(), new PlanAction(Id(9), "Sweep", CleanStreets, new DateOnly(1999, 1, 1)), Coordinator, Now)
            .Errors["dueOn"].ShouldBe(["The due date cannot be in the past."]);

    [Fact]
    public void The_bounds_move_with_today() =>
        PickedDays.Latest(new DateOnly(2028, 2, 29)).ShouldBe(new DateOnly(2033, 2, 28));
}
