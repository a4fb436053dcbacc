using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class ClosingTests
{
    [Fact]
    public void A_problem_is_closed_with_an_outcome_and_a_note() =>
        ProblemDecisions.Decide(Given(), new CloseProblem(Outcome.ReducedAndManaged, " Down to one report a month. "),
                Coordinator, Now)
            .ShouldAccept(new ProblemClosed(ProblemId, Outcome.ReducedAndManaged, "Down to one report a month.", null,
                Coordinator, Now));

    [Fact]
    public void Closing_cancels_the_open_actions_so_no_team_keeps_a_task_it_cannot_complete() =>
        ProblemDecisions.Decide(Given(Planned(Id(1)), Planned(Id(2)), Completed(Id(2))),
                new CloseProblem(Outcome.HandedOver, "Handed to the housing team."), Coordinator, Now)
            .ShouldAccept(
                new ActionCancelled(ProblemId, Id(1), "HT-0007 was closed.", Coordinator, Now),
                new ProblemClosed(ProblemId, Outcome.HandedOver, "Handed to the housing team.", null, Coordinator, Now));

    [Fact]
    public void A_duplicate_names_the_problem_it_duplicates() =>
        ProblemDecisions.Decide(Given(), new CloseProblem(Outcome.Duplicate, "Same alley as HT-0003.", OtherProblemId),
                Coordinator, Now)
            .ShouldAccept(new ProblemClosed(ProblemId, Outcome.Duplicate, "Same alley as HT-0003.", OtherProblemId,
                Coordinator, Now));

    [Fact]
    public void A_duplicate_without_the_problem_it_duplicates_is_refused() =>
        ProblemDecisions.Decide(Given(), new CloseProblem(Outcome.Duplicate, "Same alley."), Coordinator, Now)
            .ShouldBeRefused("duplicateOf");

    [Fact]
    public void A_problem_cannot_duplicate_itself() =>
        ProblemDecisions.Decide(Given(), new CloseProblem(Outcome.Duplicate, "Same alley.", ProblemId), Coordinator, Now)
            .ShouldBeRefused("duplicateOf");

    [Fact]
    public void Only_a_duplicate_names_another_problem() =>
        ProblemDecisions.Decide(Given(), new CloseProblem(Outcome.Resolved, "Fixed.", OtherProblemId), Coordinator, Now)
            .ShouldBeRefused("duplicateOf");

    [Fact]
    public void Closing_needs_an_outcome() =>
        ProblemDecisions.Decide(Given(), new CloseProblem(null, "Fixed."), Coordinator, Now).ShouldBeRefused("outcome");

    [Fact]
    public void Closing_needs_a_note() =>
        ProblemDecisions.Decide(Given(), new CloseProblem(Outcome.NoFurtherAction, " "), Coordinator, Now)
            .ShouldBeRefused("note");

    [Fact]
    public void A_closed_problem_cannot_be_closed_again() =>
        ProblemDecisions.Decide(Given(Closed), new CloseProblem(Outcome.Resolved, "Fixed."), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("HT-0007 is closed already.");
}

public class ReopeningProblemsTests
{
    [Fact]
    public void A_closed_problem_is_reopened_with_a_reason() =>
        ProblemDecisions.Decide(Given(Closed), new ReopenProblem("Dumping has started again."), Coordinator, Now)
            .ShouldAccept(new ProblemReopened(ProblemId, "Dumping has started again.", Coordinator, Now));

    [Fact]
    public void Reopening_needs_a_reason() =>
        ProblemDecisions.Decide(Given(Closed), new ReopenProblem(""), Coordinator, Now).ShouldBeRefused("reason");

    [Fact]
    public void An_open_problem_cannot_be_reopened() =>
        ProblemDecisions.Decide(Given(), new ReopenProblem("Again."), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("HT-0007 is open already.");
}
