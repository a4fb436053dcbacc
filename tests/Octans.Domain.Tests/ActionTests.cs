using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class PlanningActionsTests
{
    private static readonly Guid ActionId = Id(101);

    private static PlanAction Plan(
        string description = "Clear fly-tipping and needles from the alley", DateOnly? dueOn = null, Phase? phase = null,
        string? assignee = null, Guid? teamId = null) =>
        new(ActionId, description, teamId ?? CleanStreets, dueOn ?? Today.AddDays(7), phase, assignee);

    [Fact]
    public void An_action_is_planned_in_the_current_phase_unless_told_otherwise()
    {
        var decision = ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), Plan(assignee: " Crew 3 "),
            Coordinator, Now);

        decision.ShouldAccept(new ActionPlanned(
            ProblemId, ActionId, Phase.Hold, "Clear fly-tipping and needles from the alley", CleanStreets, "Crew 3",
            Today.AddDays(7), Coordinator, Now));
    }

    [Fact]
    public void An_action_can_be_planned_for_a_later_phase() =>
        ProblemDecisions.Decide(Given(), Plan(phase: Phase.Build), Coordinator, Now)
            .Events.ShouldHaveSingleItem().ShouldBeOfType<ActionPlanned>().Phase.ShouldBe(Phase.Build);

    [Fact]
    public void An_action_cannot_be_planned_for_a_phase_already_left() =>
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), Plan(phase: Phase.Clear), Coordinator, Now)
            .ShouldBeRefused("phase").Detail.ShouldBe("HT-0007 is in Hold; plan actions for Hold or a later phase.");

    [Fact]
    public void An_action_can_be_due_today() =>
        ProblemDecisions.Decide(Given(), Plan(dueOn: Today), Coordinator, Now).IsRefused.ShouldBeFalse();

    [Fact]
    public void An_action_cannot_be_due_in_the_past() =>
        ProblemDecisions.Decide(Given(), Plan(dueOn: Today.AddDays(-1)), Coordinator, Now)
            .ShouldBeRefused("dueOn").Detail.ShouldBe("The due date cannot be in the past.");

    [Fact]
    public void Today_is_the_day_in_London_so_just_before_midnight_UTC_in_summer_is_already_tomorrow()
    {
        var lateOnTheFourteenthUtc = new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero);

        ProblemDecisions.Decide(Given(), Plan(dueOn: new DateOnly(2026, 7, 14)), Coordinator, lateOnTheFourteenthUtc)
            .ShouldBeRefused("dueOn");
        ProblemDecisions.Decide(Given(), Plan(dueOn: new DateOnly(2026, 7, 15)), Coordinator, lateOnTheFourteenthUtc)
            .IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void An_action_needs_a_due_date() =>
        ProblemDecisions.Decide(Given(), Plan() with { DueOn = null }, Coordinator, Now).ShouldBeRefused("dueOn");

    [Fact]
    public void An_action_needs_a_team() =>
        ProblemDecisions.Decide(Given(), Plan(teamId: Guid.Empty), Coordinator, Now).ShouldBeRefused("teamId");

    [Fact]
    public void An_action_needs_a_description() =>
        ProblemDecisions.Decide(Given(), Plan(description: ""), Coordinator, Now).ShouldBeRefused("description");

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void An_action_description_has_at_most_500_characters(int length, bool accepted) =>
        ProblemDecisions.Decide(Given(), Plan(description: Text(length)), Coordinator, Now).IsRefused.ShouldBe(!accepted);

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void An_assignee_has_at_most_100_characters(int length, bool accepted) =>
        ProblemDecisions.Decide(Given(), Plan(assignee: Text(length)), Coordinator, Now).IsRefused.ShouldBe(!accepted);
}

public class CompletingActionsTests
{
    private static readonly Guid ActionId = Id(101);

    [Fact]
    public void An_open_action_is_completed_with_a_note() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new CompleteAction(ActionId, " Bags removed. "), LightingOfficer, Now)
            .ShouldAccept(new ActionCompleted(ProblemId, ActionId, "Bags removed.", LightingOfficer, Now));

    [Fact]
    public void Completing_needs_a_note() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new CompleteAction(ActionId, " "), LightingOfficer, Now)
            .ShouldBeRefused("note");

    [Fact]
    public void A_done_action_cannot_be_completed_again() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Completed(ActionId)), new CompleteAction(ActionId, "Again."),
                LightingOfficer, Now)
            .ShouldBeRefused().Detail.ShouldBe("The action “Action 0101” is done already.");

    [Fact]
    public void A_cancelled_action_cannot_be_completed() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Cancelled(ActionId)), new CompleteAction(ActionId, "Done."),
            LightingOfficer, Now).ShouldBeRefused();

    [Fact]
    public void An_unknown_action_is_not_found() =>
        ProblemDecisions.Decide(Given(), new CompleteAction(ActionId, "Done."), LightingOfficer, Now).ShouldBeNotFound();
}

public class ReopeningActionsTests
{
    private static readonly Guid ActionId = Id(101);

    [Fact]
    public void A_done_action_is_reopened_with_a_reason() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Completed(ActionId)),
                new ReopenAction(ActionId, "Fly-tipping is back."), Coordinator, Now)
            .ShouldAccept(new ActionReopened(ProblemId, ActionId, "Fly-tipping is back.", Coordinator, Now));

    [Fact]
    public void A_cancelled_action_can_be_reopened() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Cancelled(ActionId)),
            new ReopenAction(ActionId, "Needed after all."), Coordinator, Now).IsRefused.ShouldBeFalse();

    [Fact]
    public void An_open_action_cannot_be_reopened() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new ReopenAction(ActionId, "Why not."), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("The action “Action 0101” is still open.");

    [Fact]
    public void Reopening_needs_a_reason() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Completed(ActionId)), new ReopenAction(ActionId, ""),
            Coordinator, Now).ShouldBeRefused("reason");

    [Fact]
    public void Reopening_an_unknown_action_is_not_found() =>
        ProblemDecisions.Decide(Given(), new ReopenAction(ActionId, "Back."), Coordinator, Now).ShouldBeNotFound();
}

public class CancellingActionsTests
{
    private static readonly Guid ActionId = Id(101);

    [Fact]
    public void An_open_action_is_cancelled_with_a_reason() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new CancelAction(ActionId, "Landowner cleared it."),
                Coordinator, Now)
            .ShouldAccept(new ActionCancelled(ProblemId, ActionId, "Landowner cleared it.", Coordinator, Now));

    [Fact]
    public void Cancelling_needs_a_reason() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new CancelAction(ActionId, " "), Coordinator, Now)
            .ShouldBeRefused("reason");

    [Fact]
    public void A_done_action_cannot_be_cancelled() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Completed(ActionId)), new CancelAction(ActionId, "Oops."),
            Coordinator, Now).ShouldBeRefused();

    [Fact]
    public void A_cancelled_action_cannot_be_cancelled_again() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Cancelled(ActionId)), new CancelAction(ActionId, "Again."),
            Coordinator, Now).ShouldBeRefused().Detail.ShouldBe("The action “Action 0101” is cancelled already.");

    [Fact]
    public void Cancelling_an_unknown_action_is_not_found() =>
        ProblemDecisions.Decide(Given(), new CancelAction(ActionId, "Gone."), Coordinator, Now).ShouldBeNotFound();
}

public class ReassigningActionsTests
{
    private static readonly Guid ActionId = Id(101);

    [Fact]
    public void An_open_action_is_reassigned_to_another_team() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new ReassignAction(ActionId, StreetLighting, "Night crew"),
                Coordinator, Now)
            .ShouldAccept(new ActionReassigned(ProblemId, ActionId, StreetLighting, "Night crew", Coordinator, Now));

    [Fact]
    public void Reassigning_needs_a_team() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new ReassignAction(ActionId, Guid.Empty), Coordinator, Now)
            .ShouldBeRefused("teamId");

    [Fact]
    public void A_done_action_cannot_be_reassigned() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Completed(ActionId)), new ReassignAction(ActionId, StreetLighting),
                Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("The action “Action 0101” is done; only open actions can be reassigned.");

    [Fact]
    public void Reassigning_an_unknown_action_is_not_found() =>
        ProblemDecisions.Decide(Given(), new ReassignAction(ActionId, StreetLighting), Coordinator, Now).ShouldBeNotFound();
}

public class ReschedulingActionsTests
{
    private static readonly Guid ActionId = Id(101);

    [Fact]
    public void An_open_action_is_rescheduled_with_a_reason() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new RescheduleAction(ActionId, Today.AddDays(21), "Waiting for parts."),
                LightingOfficer, Now)
            .ShouldAccept(new ActionRescheduled(ProblemId, ActionId, Today.AddDays(21), "Waiting for parts.", LightingOfficer, Now));

    [Fact]
    public void Rescheduling_needs_a_reason() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new RescheduleAction(ActionId, Today.AddDays(21), ""),
            LightingOfficer, Now).ShouldBeRefused("reason");

    [Fact]
    public void An_action_cannot_be_rescheduled_into_the_past() =>
        ProblemDecisions.Decide(Given(Planned(ActionId)), new RescheduleAction(ActionId, Today.AddDays(-1), "Backdating."),
            LightingOfficer, Now).ShouldBeRefused("dueOn");

    [Fact]
    public void A_cancelled_action_cannot_be_rescheduled() =>
        ProblemDecisions.Decide(Given(Planned(ActionId), Cancelled(ActionId)),
            new RescheduleAction(ActionId, Today.AddDays(21), "Later."), LightingOfficer, Now).ShouldBeRefused();

    [Fact]
    public void Rescheduling_an_unknown_action_is_not_found() =>
        ProblemDecisions.Decide(Given(), new RescheduleAction(ActionId, Today, "Later."), LightingOfficer, Now)
            .ShouldBeNotFound();
}
