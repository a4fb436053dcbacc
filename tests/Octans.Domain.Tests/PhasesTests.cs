using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class AdvancingTests
{
    [Fact]
    public void Clear_moves_on_to_Hold_when_its_actions_are_finished_and_its_exit_criteria_met() =>
        ProblemDecisions.Decide(
                Given(Planned(Id(1)), Completed(Id(1)), Planned(Id(2)), Cancelled(Id(2)),
                    CriterionAdded(Id(3)), CriterionMet(Id(3))),
                new AdvancePhase(), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, null, Coordinator, Now));

    [Fact]
    public void Hold_moves_on_to_Build() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), new AdvancePhase(), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Hold, Phase.Build, null, Coordinator, Now));

    [Fact]
    public void Open_work_in_the_current_phase_blocks_advancing_and_says_how_much_is_left()
    {
        var problem = Given(Planned(Id(1)), Planned(Id(2)), CriterionAdded(Id(3)));

        var decision = ProblemDecisions.Decide(problem, new AdvancePhase(), Coordinator, Now);

        decision.ShouldBeRefused("override").Detail.ShouldBe(
            "Clear still has 2 open actions and 1 unmet exit criterion. Finish them, or give a reason to override.");
    }

    [Fact]
    public void A_single_unmet_exit_criterion_is_named_on_its_own() =>
        ProblemDecisions.Decide(Given(CriterionAdded(Id(3))), new AdvancePhase(), Coordinator, Now)
            .ShouldBeRefused("override").Detail.ShouldBe(
                "Clear still has 1 unmet exit criterion. Finish it, or give a reason to override.");

    [Fact]
    public void Work_planned_for_later_phases_does_not_block_advancing() =>
        ProblemDecisions.Decide(Given(Planned(Id(1), Phase.Hold), CriterionAdded(Id(2), Phase.Build)),
            new AdvancePhase(), Coordinator, Now).IsRefused.ShouldBeFalse();

    [Fact]
    public void An_override_reason_moves_on_with_work_still_open_and_is_recorded() =>
        ProblemDecisions.Decide(Given(Planned(Id(1))),
                new AdvancePhase(" Council contractor will finish the clearance in Hold. "), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold,
                "Council contractor will finish the clearance in Hold.", Coordinator, Now));

    [Fact]
    public void An_override_given_when_nothing_blocks_is_not_recorded() =>
        ProblemDecisions.Decide(Given(), new AdvancePhase("Just in case."), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, null, Coordinator, Now));

    [Fact]
    public void A_blank_override_does_not_override() =>
        ProblemDecisions.Decide(Given(Planned(Id(1))), new AdvancePhase("  "), Coordinator, Now).ShouldBeRefused("override");

    [Fact]
    public void Build_is_the_last_phase() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold), Advanced(Phase.Hold, Phase.Build)),
                new AdvancePhase("Onwards."), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("Build is the last phase; close the problem when the work is done.");
}

public class RevertingTests
{
    [Fact]
    public void Hold_goes_back_to_Clear_with_a_reason() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)),
                new RevertPhase("Fly-tipping returned twice in a week."), Coordinator, Now)
            .ShouldAccept(new PhaseReverted(ProblemId, Phase.Hold, Phase.Clear, "Fly-tipping returned twice in a week.",
                Coordinator, Now));

    [Fact]
    public void Build_goes_back_to_Hold() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold), Advanced(Phase.Hold, Phase.Build)),
                new RevertPhase("Gates vandalised."), Coordinator, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<PhaseReverted>().To.ShouldBe(Phase.Hold);

    [Fact]
    public void Reverting_needs_a_reason() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), new RevertPhase(""), Coordinator, Now)
            .ShouldBeRefused("reason");

    [Fact]
    public void Clear_is_the_first_phase() =>
        ProblemDecisions.Decide(Given(), new RevertPhase("Start again."), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("Clear is the first phase; there is no earlier phase to go back to.");
}
