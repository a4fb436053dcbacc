using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class ProblemTests
{
    private static readonly Guid ClearAlley = Id(1), RepairLights = Id(2), WeeklyCleanse = Id(3), SiteCleared = Id(4);

    private static DateTimeOffset Day(int n) => ReportedAt.AddDays(n);

    /// <summary>A month on the alley: cleared with an override, slipped back in Hold, reviewed at the meeting.</summary>
    public static IProblemEvent[] AMonthOnTheAlley =>
    [
        Reported,
        new ActionPlanned(ProblemId, ClearAlley, Phase.Clear, "Clear fly-tipping and needles", CleanStreets, null,
            Today.AddDays(-20), Coordinator, Day(1)),
        new ActionPlanned(ProblemId, RepairLights, Phase.Clear, "Repair columns 12 and 14", StreetLighting, "Night crew",
            Today.AddDays(-2), Coordinator, Day(1)),
        new ActionPlanned(ProblemId, WeeklyCleanse, Phase.Hold, "Weekly cleanse", CleanStreets, null,
            Today.AddDays(30), Coordinator, Day(1)),
        new ExitCriterionAdded(ProblemId, SiteCleared, Phase.Clear, "Alley clear of waste", Coordinator, Day(1)),
        new RecurrenceLogged(ProblemId, London.Today(Day(2)), "More bags overnight", null, LightingOfficer, Day(2)),
        new ActionCompleted(ProblemId, ClearAlley, "Two vans of waste removed.", LightingOfficer, Day(3)),
        new ExitCriterionMet(ProblemId, SiteCleared, "Photos after the clearance.", Coordinator, Day(3)),
        new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, "Lights are booked; patrols cover the gap.", Coordinator, Day(4)),
        new RecurrenceLogged(ProblemId, London.Today(Day(10)), "Mattress dumped", "Resident report", LightingOfficer, Day(10)),
        new PhaseReverted(ProblemId, Phase.Hold, Phase.Clear, "Dumping is back.", Coordinator, Day(11)),
        new ReviewRecorded(ProblemId, London.Today(Day(12)), Rag.Amber, "Back to Clear; chase the lights.",
            Today.AddDays(20), Coordinator, Day(12)),
        new NoteAdded(ProblemId, "Met the landlord of no. 44 on site.", Coordinator, Day(13)),
    ];

    [Fact]
    public void Replaying_a_month_on_the_alley_gives_the_state_its_decisions_read()
    {
        var problem = Problem.Replay(AMonthOnTheAlley);

        problem.Id.ShouldBe(ProblemId);
        problem.Reference.ShouldBe("HT-0007");
        problem.Area.ShouldBe("High Town");
        problem.Version.ShouldBe(AMonthOnTheAlley.Length);
        problem.Phase.ShouldBe(Phase.Clear);
        problem.Status.ShouldBe(ProblemStatus.Open);
        problem.Actions.Select(a => (a.Id, a.Status)).ShouldBe(
            [(ClearAlley, ActionStatus.Done), (RepairLights, ActionStatus.Open), (WeeklyCleanse, ActionStatus.Open)]);
        problem.OverdueActions(Today).ShouldBe(1);
        problem.ExitCriteria.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Id.ShouldBe(SiteCleared), c => c.Met.ShouldBeTrue(), c => c.Phase.ShouldBe(Phase.Clear), c => c.Text.ShouldBe("Alley clear of waste"));
    }

    [Fact]
    public void An_action_keeps_what_its_rules_read()
    {
        var action = Problem.Replay(AMonthOnTheAlley).FindAction(RepairLights).ShouldNotBeNull();

        action.ShouldSatisfyAllConditions(
            a => a.Phase.ShouldBe(Phase.Clear), a => a.Description.ShouldBe("Repair columns 12 and 14"), a => a.TeamId.ShouldBe(StreetLighting),
            a => a.DueOn.ShouldBe(Today.AddDays(-2)), a => a.Status.ShouldBe(ActionStatus.Open));
    }

    [Fact]
    public void An_action_is_overdue_only_while_open_and_due_before_today()
    {
        var problem = Problem.Replay(AMonthOnTheAlley);

        Problem.IsOverdue(problem.FindAction(RepairLights)!, Today).ShouldBeTrue();
        Problem.IsOverdue(problem.FindAction(RepairLights)!, Today.AddDays(-2)).ShouldBeFalse();
        Problem.IsOverdue(problem.FindAction(ClearAlley)!, Today).ShouldBeFalse();
    }

    [Fact]
    public void Completing_and_cancelling_actions_closes_them()
    {
        var problem = Given(Planned(ClearAlley), Planned(RepairLights), Completed(ClearAlley));

        problem.FindAction(ClearAlley)!.Status.ShouldBe(ActionStatus.Done);
        problem.FindAction(RepairLights)!.Status.ShouldBe(ActionStatus.Open);

        problem.Play(Cancelled(RepairLights));

        problem.FindAction(RepairLights)!.Status.ShouldBe(ActionStatus.Cancelled);
    }

    [Fact]
    public void Reopening_reassigning_and_rescheduling_an_action_moves_it()
    {
        var problem = Given(Planned(ClearAlley, teamId: CleanStreets), Completed(ClearAlley),
            new ActionReopened(ProblemId, ClearAlley, "Back again.", Coordinator, Now),
            new ActionReassigned(ProblemId, ClearAlley, StreetLighting, "Night crew", Coordinator, Now),
            new ActionRescheduled(ProblemId, ClearAlley, Today.AddDays(5), "Parts due.", Coordinator, Now));

        problem.FindAction(ClearAlley).ShouldNotBeNull().ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(ActionStatus.Open), a => a.TeamId.ShouldBe(StreetLighting), a => a.DueOn.ShouldBe(Today.AddDays(5)));
    }

    [Fact]
    public void What_remains_of_a_phase_is_its_open_actions_and_unmet_criteria()
    {
        var problem = Given(Planned(ClearAlley), Planned(RepairLights), Planned(WeeklyCleanse, Phase.Hold), Completed(ClearAlley),
            CriterionAdded(SiteCleared), CriterionAdded(Id(9)), CriterionMet(Id(9)));

        var (open, unmet) = problem.Remaining(Phase.Clear);

        open.ShouldHaveSingleItem().Id.ShouldBe(RepairLights);
        unmet.ShouldHaveSingleItem().Id.ShouldBe(SiteCleared);
        problem.Remaining(Phase.Hold).OpenActions.ShouldHaveSingleItem().Id.ShouldBe(WeeklyCleanse);
        problem.Remaining(Phase.Build).ShouldSatisfyAllConditions(r => r.OpenActions.ShouldBeEmpty(), r => r.UnmetCriteria.ShouldBeEmpty());
    }

    [Fact]
    public void Notes_reviews_and_recurrences_change_nothing_the_rules_read()
    {
        var before = Given(Planned(ClearAlley));
        var after = Given(Planned(ClearAlley),
            new NoteAdded(ProblemId, "Met the landlord on site.", Coordinator, Now),
            new ReviewRecorded(ProblemId, Today, Rag.Red, "Back to Clear next month.", null, Coordinator, Now),
            new RecurrenceLogged(ProblemId, Today, "Bags again", "CCTV", LightingOfficer, Now));

        after.Version.ShouldBe(before.Version + 3);
        after.Version = before.Version;
        System.Text.Json.JsonSerializer.Serialize(after).ShouldBe(System.Text.Json.JsonSerializer.Serialize(before));
    }

    [Fact]
    public void Revised_details_change_only_what_was_revised()
    {
        var problem = Given(new ProblemDetailsRevised(ProblemId, "Dark alley", null, null, Risk.Low, null, Coordinator, Now));

        problem.Title.ShouldBe("Dark alley");
        problem.Risk.ShouldBe(Risk.Low);
        problem.Statement.ShouldBe(Reported.Statement);
        problem.Category.ShouldBe(Reported.Category);
        problem.Location.ShouldBe(Alley);

        problem.Play(new ProblemDetailsRevised(ProblemId, null, "New statement", "Alleyway", null, Alley with { Ward = "South" }, Coordinator, Now));

        problem.ShouldSatisfyAllConditions(p => p.Title.ShouldBe("Dark alley"), p => p.Statement.ShouldBe("New statement"),
            p => p.Category.ShouldBe("Alleyway"), p => p.Risk.ShouldBe(Risk.Low), p => p.Location.Ward.ShouldBe("South"));
    }

    [Fact]
    public void Closing_and_reopening_moves_the_status()
    {
        var closed = Given(Closed with { Outcome = Outcome.Duplicate, DuplicateOf = OtherProblemId });

        closed.Status.ShouldBe(ProblemStatus.Closed);

        closed.Play(new ProblemReopened(ProblemId, "Not the same alley after all.", Coordinator, Now));

        closed.Status.ShouldBe(ProblemStatus.Open);
    }

    [Fact]
    public void Advancing_and_going_back_moves_the_phase() =>
        Given(Advanced(Phase.Clear, Phase.Hold), new PhaseReverted(ProblemId, Phase.Hold, Phase.Clear, "Dumping is back.", Coordinator, Now))
            .Phase.ShouldBe(Phase.Clear);

    [Fact]
    public void Replaying_up_to_a_cutoff_gives_the_problem_as_it_stood_then()
    {
        var then = Problem.Replay(AMonthOnTheAlley.Where(e => e.At < Day(5)));

        then.Phase.ShouldBe(Phase.Hold);
        then.FindAction(ClearAlley)!.Status.ShouldBe(ActionStatus.Done);
    }

    [Fact]
    public void A_history_must_start_with_the_report() =>
        Should.Throw<ArgumentException>(() => Problem.Replay([Closed])).Message.ShouldContain("starts with ProblemReported");

    [Fact]
    public void A_problem_is_reported_once() =>
        Should.Throw<ArgumentException>(() => Given(Reported)).Message.ShouldContain("reported once");

    [Fact]
    public void An_event_about_an_unknown_action_or_criterion_is_refused()
    {
        Should.Throw<InvalidOperationException>(() => Given(Completed(ClearAlley))).Message.ShouldContain("HT-0007 has no action");
        Should.Throw<InvalidOperationException>(() => Given(CriterionMet(SiteCleared))).Message.ShouldContain("HT-0007 has no exit criterion");
    }

    [Fact]
    public void An_empty_history_is_no_problem_at_all() =>
        Should.Throw<ArgumentException>(() => Problem.Replay([]));
}
