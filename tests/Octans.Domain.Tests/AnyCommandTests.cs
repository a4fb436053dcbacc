using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

/// <summary>Any change to a problem goes to the rule for its kind, whoever asks for it through the one entry point.</summary>
public class AnyCommandTests
{
    private static readonly Guid Action = Id(1), Criterion = Id(2);

    private static Problem State() => Given(Planned(Action), CriterionAdded(Criterion));

    public static TheoryData<IProblemCommand, Type> EveryCommand => new()
    {
        { new ReviseDetails("Dark alley", null, null, null, null), typeof(ProblemDetailsRevised) },
        { new PlanAction(Id(3), "Sweep the alley", CleanStreets, Today.AddDays(3)), typeof(ActionPlanned) },
        { new CompleteAction(Action, "Swept."), typeof(ActionCompleted) },
        { new CancelAction(Action, "Not needed."), typeof(ActionCancelled) },
        { new ReassignAction(Action, StreetLighting), typeof(ActionReassigned) },
        { new RescheduleAction(Action, Today.AddDays(9), "Parts late."), typeof(ActionRescheduled) },
        { new AddNote("Walked the alley."), typeof(NoteAdded) },
        { new AddExitCriterion(Id(4), null, "No bags for a month"), typeof(ExitCriterionAdded) },
        { new MeetExitCriterion(Criterion, "Four clean weeks."), typeof(ExitCriterionMet) },
        { new RecordReview(Today, Rag.Green, "Holding."), typeof(ReviewRecorded) },
        { new LogRecurrence(Today, "Bags again"), typeof(RecurrenceLogged) },
        { new AdvancePhase("Agreed at the meeting."), typeof(PhaseAdvanced) },
        { new CloseProblem(Outcome.Resolved, "Gated."), typeof(ProblemClosed) },
        { new AddActionPhoto(Action, Id(5), BeforeOrAfter.Before), typeof(PhotoAdded) },
        { new AddExitCriterionPhoto(Criterion, Id(6), BeforeOrAfter.After), typeof(PhotoAdded) },
        { new ChangeSensitivity(true), typeof(SensitivityChanged) },
        { new WritePublicUpdate("The alley was cleared."), typeof(PublicUpdateWritten) },
    };

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Each_command_is_decided_by_its_own_rule(IProblemCommand command, Type produces) =>
        ProblemDecisions.Decide(State(), command, Coordinator, Now).Events[^1].ShouldBeOfType(produces);

    [Fact]
    public void Going_back_and_reopening_are_decided_by_their_own_rules()
    {
        var held = Given(Advanced(Phase.Clear, Phase.Hold));
        ProblemDecisions.Decide(held, (IProblemCommand)new RevertPhase("Back."), Coordinator, Now).Events.ShouldHaveSingleItem().ShouldBeOfType<PhaseReverted>();
        ProblemDecisions.Decide(Given(Closed), (IProblemCommand)new ReopenProblem("Again."), Coordinator, Now).Events.ShouldHaveSingleItem()
            .ShouldBeOfType<ProblemReopened>();
        ProblemDecisions.Decide(held, (IProblemCommand)new ReopenAction(Action, "Again."), Coordinator, Now).IsRefused.ShouldBeTrue();
    }

    [Fact]
    public void A_command_without_a_rule_says_so() =>
        Should.Throw<ArgumentException>(() => ProblemDecisions.Decide(State(), new Unruled(), Coordinator, Now)).Message.ShouldContain("Unruled has no rule");

    private sealed record Unruled : IProblemCommand;
}
