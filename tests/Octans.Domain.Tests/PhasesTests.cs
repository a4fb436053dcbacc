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
    public void Hold_moves_on_to_Build_once_its_own_exit_criteria_are_met() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold, "Agreed."), CriterionAdded(Id(3), Phase.Hold), CriterionMet(Id(3))),
                new AdvancePhase(), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Hold, Phase.Build, null, Coordinator, Now));

    [Fact]
    public void A_phase_without_exit_criteria_does_not_count_as_done_and_says_to_add_one_or_give_a_reason()
    {
        var decision = ProblemDecisions.Decide(Given(Planned(Id(1)), Completed(Id(1))), new AdvancePhase(), Coordinator, Now);

        decision.ShouldBeRefused("override").Detail.ShouldBe(
            "Clear has no exit criteria, so nothing says it is done. Add an exit criterion for Clear, or give a reason to move on to Hold without one.");
        decision.Errors["override"].ShouldBe(["Add an exit criterion for Clear, or give a reason to move on without one."]);
    }

    [Fact]
    public void A_phase_without_exit_criteria_and_with_open_actions_names_both() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold, "Agreed."), Planned(Id(1), Phase.Hold)), new AdvancePhase(), Coordinator, Now)
            .ShouldBeRefused("override").Detail.ShouldBe(
                "Hold still has 1 open action and has no exit criteria, so nothing says it is done. Add an exit criterion for Hold, or give a reason to move on to Build without one.");

    [Fact]
    public void Exit_criteria_of_another_phase_do_not_count_for_the_current_one() =>
        ProblemDecisions.Decide(Given(CriterionAdded(Id(3), Phase.Hold)), new AdvancePhase(), Coordinator, Now)
            .ShouldBeRefused("override").Detail.ShouldStartWith("Clear has no exit criteria");

    [Fact]
    public void A_reason_moves_a_phase_without_exit_criteria_on_and_is_recorded_as_an_override() =>
        ProblemDecisions.Decide(Given(), new AdvancePhase("Agreed at the tasking meeting: the patrols are the exit."), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, "Agreed at the tasking meeting: the patrols are the exit.",
                Coordinator, Now));

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
        ProblemDecisions.Decide(Given(Planned(Id(1), Phase.Hold), CriterionAdded(Id(2), Phase.Build), CriterionAdded(Id(3)), CriterionMet(Id(3))),
            new AdvancePhase(), Coordinator, Now).IsRefused.ShouldBeFalse();

    [Fact]
    public void An_override_reason_moves_on_with_work_still_open_and_is_recorded() =>
        ProblemDecisions.Decide(Given(Planned(Id(1))),
                new AdvancePhase(" Council contractor will finish the clearance in Hold. "), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold,
                "Council contractor will finish the clearance in Hold.", Coordinator, Now));

    [Fact]
    public void An_override_given_when_nothing_blocks_is_not_recorded() =>
        ProblemDecisions.Decide(Given(CriterionAdded(Id(3)), CriterionMet(Id(3))), new AdvancePhase("Just in case."), Coordinator, Now)
            .ShouldAccept(new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, null, Coordinator, Now));

    [Fact]
    public void A_blank_override_does_not_override()
    {
        ProblemDecisions.Decide(Given(Planned(Id(1))), new AdvancePhase("  "), Coordinator, Now).ShouldBeRefused("override");
        ProblemDecisions.Decide(Given(), new AdvancePhase("  "), Coordinator, Now).ShouldBeRefused("override");
    }

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
