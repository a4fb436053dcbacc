using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class ExitCriteriaTests
{
    private static readonly Guid CriterionId = Id(201);

    [Fact]
    public void An_exit_criterion_is_added_to_the_current_phase_unless_told_otherwise() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)),
                new AddExitCriterion(CriterionId, null, "Eight weeks without a report"), Coordinator, Now)
            .ShouldAccept(new ExitCriterionAdded(ProblemId, CriterionId, Phase.Hold, "Eight weeks without a report",
                Coordinator, Now));

    [Fact]
    public void An_exit_criterion_can_be_added_to_a_later_phase() =>
        ProblemDecisions.Decide(Given(), new AddExitCriterion(CriterionId, Phase.Build, "Residents run a clean-up"),
            Coordinator, Now).IsRefused.ShouldBeFalse();

    [Fact]
    public void An_exit_criterion_cannot_be_added_to_a_phase_already_left() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)),
            new AddExitCriterion(CriterionId, Phase.Clear, "Site cleared"), Coordinator, Now).ShouldBeRefused("phase");

    [Fact]
    public void An_exit_criterion_needs_its_text() =>
        ProblemDecisions.Decide(Given(), new AddExitCriterion(CriterionId, Phase.Clear, ""), Coordinator, Now)
            .ShouldBeRefused("text");

    [Fact]
    public void An_unmet_exit_criterion_is_met_with_evidence() =>
        ProblemDecisions.Decide(Given(CriterionAdded(CriterionId)),
                new MeetExitCriterion(CriterionId, "No reports on FixMyStreet since 1 October."), Coordinator, Now)
            .ShouldAccept(new ExitCriterionMet(ProblemId, CriterionId, "No reports on FixMyStreet since 1 October.",
                Coordinator, Now));

    [Fact]
    public void Meeting_an_exit_criterion_needs_evidence() =>
        ProblemDecisions.Decide(Given(CriterionAdded(CriterionId)), new MeetExitCriterion(CriterionId, " "), Coordinator, Now)
            .ShouldBeRefused("evidence");

    [Fact]
    public void A_met_exit_criterion_cannot_be_met_again() =>
        ProblemDecisions.Decide(Given(CriterionAdded(CriterionId), CriterionMet(CriterionId)),
                new MeetExitCriterion(CriterionId, "Still quiet."), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("The exit criterion “No fly-tipping reports for four weeks” is met already.");

    [Fact]
    public void Meeting_an_unknown_exit_criterion_is_not_found() =>
        ProblemDecisions.Decide(Given(), new MeetExitCriterion(CriterionId, "Quiet."), Coordinator, Now).ShouldBeNotFound();
}
