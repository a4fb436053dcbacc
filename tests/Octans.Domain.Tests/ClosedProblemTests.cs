using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class ClosedProblemTests
{
    private static readonly Guid OpenActionId = Id(1), DoneActionId = Id(3), CriterionId = Id(2);

    private static readonly Dictionary<string, Func<Problem, Decision>> Writes = new()
    {
        ["revise details"] = p => ProblemDecisions.Decide(p, new ReviseDetails("Dark alley", null, null, null, null), Coordinator, Now),
        ["plan an action"] = p => ProblemDecisions.Decide(p, new PlanAction(Id(9), "Patrol", CleanStreets, Today), Coordinator, Now),
        ["complete an action"] = p => ProblemDecisions.Decide(p, new CompleteAction(OpenActionId, "Done."), Coordinator, Now),
        ["reopen an action"] = p => ProblemDecisions.Decide(p, new ReopenAction(DoneActionId, "Back."), Coordinator, Now),
        ["cancel an action"] = p => ProblemDecisions.Decide(p, new CancelAction(OpenActionId, "Not needed."), Coordinator, Now),
        ["reassign an action"] = p => ProblemDecisions.Decide(p, new ReassignAction(OpenActionId, StreetLighting), Coordinator, Now),
        ["reschedule an action"] = p => ProblemDecisions.Decide(p, new RescheduleAction(OpenActionId, Today, "Later."), Coordinator, Now),
        ["add a note"] = p => ProblemDecisions.Decide(p, new AddNote("Quiet week."), Coordinator, Now),
        ["add an exit criterion"] = p => ProblemDecisions.Decide(p, new AddExitCriterion(Id(8), null, "Quiet."), Coordinator, Now),
        ["meet an exit criterion"] = p => ProblemDecisions.Decide(p, new MeetExitCriterion(CriterionId, "Quiet."), Coordinator, Now),
        ["record a review"] = p => ProblemDecisions.Decide(p, new RecordReview(Today, Rag.Green, "Fine."), Coordinator, Now),
        ["log a recurrence"] = p => ProblemDecisions.Decide(p, new LogRecurrence(Today, "Bags again."), Coordinator, Now),
        ["advance the phase"] = p => ProblemDecisions.Decide(p, new AdvancePhase("Moving on."), Coordinator, Now),
        ["add a photo to an action"] = p => ProblemDecisions.Decide(p, new AddActionPhoto(DoneActionId, Id(7), BeforeOrAfter.After), Coordinator, Now),
        ["add a photo to an exit criterion"] = p => ProblemDecisions.Decide(p, new AddExitCriterionPhoto(CriterionId, Id(7), BeforeOrAfter.Before), Coordinator, Now),
        ["revert the phase"] = p => ProblemDecisions.Decide(p, new RevertPhase("Back to Clear."), Coordinator, Now),
    };

    public static TheoryData<string> WriteNames => new(Writes.Keys);

    private static Problem Worked(params IProblemEvent[] then) => Given(
    [
        Planned(OpenActionId), Planned(DoneActionId), Completed(DoneActionId), CriterionAdded(CriterionId),
        Advanced(Phase.Clear, Phase.Hold, "Clearance continues alongside patrols."), .. then,
    ]);

    [Theory]
    [MemberData(nameof(WriteNames))]
    public void A_closed_problem_takes_no_writes(string write) =>
        Writes[write](Worked(Closed)).ShouldBeRefused().Detail.ShouldBe("HT-0007 is closed; reopen it before changing it.");

    [Theory]
    [MemberData(nameof(WriteNames))]
    public void A_reopened_problem_takes_writes_again(string write) =>
        Writes[write](Worked(Closed, new ProblemReopened(ProblemId, "Dumping again.", Coordinator, Now.AddDays(-1))))
            .IsRefused.ShouldBeFalse();
}
