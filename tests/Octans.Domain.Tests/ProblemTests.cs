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
    public void The_time_of_the_latest_change_is_kept_in_UTC_whatever_offset_the_event_carries()
    {
        var summerAfternoon = new DateTimeOffset(2026, 7, 14, 15, 30, 0, TimeSpan.FromHours(1));
        var problem = Problem.Replay([Reported, new NoteAdded(ProblemId, "Checked on site.", Coordinator, summerAfternoon)]);

        problem.UpdatedAt.Offset.ShouldBe(TimeSpan.Zero);
        problem.UpdatedAt.ShouldBe(summerAfternoon);
    }

    [Fact]
    public void Replaying_a_month_on_the_alley_gives_the_state_the_problem_page_shows()
    {
        var problem = Problem.Replay(AMonthOnTheAlley);

        problem.Id.ShouldBe(ProblemId);
        problem.Version.ShouldBe(AMonthOnTheAlley.Length);
        problem.Phase.ShouldBe(Phase.Clear);
        problem.Status.ShouldBe(ProblemStatus.Open);
        problem.Rag.ShouldBe(Rag.Amber);
        problem.NextReviewOn.ShouldBe(Today.AddDays(20));
        problem.UpdatedAt.ShouldBe(Day(13));
        problem.ReportedBy.ShouldBe(Coordinator);
        problem.OpenActions.ShouldBe(2);
        problem.OpenActionTeamIds.ShouldBe([StreetLighting, CleanStreets], ignoreOrder: true);
        problem.EarliestOpenDueOn.ShouldBe(Today.AddDays(-2));
        problem.OverdueActions(Today).ShouldBe(1);
        problem.ExitCriteria.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Met.ShouldBeTrue(), c => c.Evidence.ShouldBe("Photos after the clearance."), c => c.MetBy.ShouldBe(Coordinator));
        problem.Recurrences.Count.ShouldBe(2);
        problem.Notes.ShouldHaveSingleItem().Text.ShouldBe("Met the landlord of no. 44 on site.");
        problem.PhaseHistory.ShouldBe(
        [
            new PhaseEntry(Phase.Clear, ReportedAt, Coordinator, null, false),
            new PhaseEntry(Phase.Hold, Day(4), Coordinator, "Lights are booked; patrols cover the gap.", true),
            new PhaseEntry(Phase.Clear, Day(11), Coordinator, "Dumping is back.", false),
        ]);
    }

    [Fact]
    public void A_completed_action_keeps_its_note_and_who_completed_it()
    {
        var action = Problem.Replay(AMonthOnTheAlley).FindAction(ClearAlley).ShouldNotBeNull();

        action.Status.ShouldBe(ActionStatus.Done);
        action.CompletedAt.ShouldBe(Day(3));
        action.CompletedBy.ShouldBe(LightingOfficer);
        action.Note.ShouldBe("Two vans of waste removed.");
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
    public void Finishing_actions_keeps_the_board_fields_up_to_date()
    {
        var problem = Given(
            Planned(ClearAlley, teamId: CleanStreets, dueOn: Today.AddDays(1)),
            Planned(RepairLights, teamId: StreetLighting, dueOn: Today.AddDays(2)),
            Completed(ClearAlley));

        problem.OpenActions.ShouldBe(1);
        problem.OpenActionTeamIds.ShouldBe([StreetLighting]);
        problem.EarliestOpenDueOn.ShouldBe(Today.AddDays(2));

        problem.Play(Cancelled(RepairLights));

        problem.OpenActions.ShouldBe(0);
        problem.OpenActionTeamIds.ShouldBeEmpty();
        problem.EarliestOpenDueOn.ShouldBeNull();
    }

    [Fact]
    public void Reopening_reassigning_and_rescheduling_an_action_moves_it_on_the_board()
    {
        var problem = Given(Planned(ClearAlley, teamId: CleanStreets), Completed(ClearAlley),
            new ActionReopened(ProblemId, ClearAlley, "Back again.", Coordinator, Now),
            new ActionReassigned(ProblemId, ClearAlley, StreetLighting, "Night crew", Coordinator, Now),
            new ActionRescheduled(ProblemId, ClearAlley, Today.AddDays(5), "Parts due.", Coordinator, Now));

        var action = problem.FindAction(ClearAlley).ShouldNotBeNull();
        action.ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(ActionStatus.Open), a => a.CompletedAt.ShouldBeNull(), a => a.Note.ShouldBeNull(),
            a => a.TeamId.ShouldBe(StreetLighting), a => a.Assignee.ShouldBe("Night crew"), a => a.DueOn.ShouldBe(Today.AddDays(5)));
        problem.OpenActionTeamIds.ShouldBe([StreetLighting]);
        problem.EarliestOpenDueOn.ShouldBe(Today.AddDays(5));
    }

    [Fact]
    public void A_recurrence_in_Hold_is_flagged_until_the_next_review()
    {
        var problem = Given(Advanced(Phase.Clear, Phase.Hold),
            new RecurrenceLogged(ProblemId, Today, "Bags again", null, LightingOfficer, Now));

        problem.RecurredSinceLastReview.ShouldBeTrue();

        problem.Play(new ReviewRecorded(ProblemId, Today, Rag.Red, "Back to Clear next month.", null, Coordinator, Now));

        problem.RecurredSinceLastReview.ShouldBeFalse();
        problem.Rag.ShouldBe(Rag.Red);
    }

    [Fact]
    public void A_recurrence_in_Clear_is_logged_without_the_flag()
    {
        var problem = Given(new RecurrenceLogged(ProblemId, Today, "Bags again", "CCTV", LightingOfficer, Now));

        problem.Recurrences.ShouldHaveSingleItem().Source.ShouldBe("CCTV");
        problem.RecurredSinceLastReview.ShouldBeFalse();
    }

    [Fact]
    public void Revised_details_change_only_what_was_revised()
    {
        var problem = Given(new ProblemDetailsRevised(ProblemId, "Dark alley", null, null, Risk.Low, null, Coordinator, Now));

        problem.Title.ShouldBe("Dark alley");
        problem.Risk.ShouldBe(Risk.Low);
        problem.Statement.ShouldBe(Reported.Statement);
        problem.Location.ShouldBe(Alley);
    }

    [Fact]
    public void Reopening_a_closed_problem_clears_its_outcome()
    {
        var closedAsDuplicate = Given(Closed with { Outcome = Outcome.Duplicate, DuplicateOf = OtherProblemId });

        closedAsDuplicate.ShouldSatisfyAllConditions(
            p => p.Status.ShouldBe(ProblemStatus.Closed), p => p.Outcome.ShouldBe(Outcome.Duplicate),
            p => p.DuplicateOf.ShouldBe(OtherProblemId), p => p.ClosingNote.ShouldBe(Closed.Note));

        closedAsDuplicate.Play(new ProblemReopened(ProblemId, "Not the same alley after all.", Coordinator, Now));

        closedAsDuplicate.ShouldSatisfyAllConditions(
            p => p.Status.ShouldBe(ProblemStatus.Open), p => p.Outcome.ShouldBeNull(),
            p => p.DuplicateOf.ShouldBeNull(), p => p.ClosingNote.ShouldBeNull(), p => p.UpdatedAt.ShouldBe(Now));
    }

    [Fact]
    public void Replaying_up_to_a_cutoff_gives_the_problem_as_it_stood_then()
    {
        var cutoff = Day(5);

        var then = Problem.Replay(AMonthOnTheAlley.Where(e => e.At < cutoff));

        then.Phase.ShouldBe(Phase.Hold);
        then.Rag.ShouldBeNull();
        then.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void A_history_must_start_with_the_report() =>
        Should.Throw<ArgumentException>(() => Problem.Replay([Closed])).Message.ShouldContain("starts with ProblemReported");

    [Fact]
    public void An_empty_history_is_no_problem_at_all() =>
        Should.Throw<ArgumentException>(() => Problem.Replay([]));
}
