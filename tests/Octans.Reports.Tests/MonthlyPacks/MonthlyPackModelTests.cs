using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;
using static Octans.Reports.Tests.MonthlyPacks.KnownArea;

namespace Octans.Reports.Tests.MonthlyPacks;

public class MonthlyPackModelTests
{
    [Fact]
    public void The_summary_counts_problems_by_phase_at_the_start_and_end_of_the_month_and_what_happened_in_it()
    {
        var summary = Model().Summary;

        summary.AtStart.ShouldBe(new PhaseCounts(Clear: 1, Hold: 2, Build: 1, Closed: 0));
        summary.AtEnd.ShouldBe(new PhaseCounts(Clear: 1, Hold: 2, Build: 0, Closed: 2));
        summary.NewProblems.ShouldBe(1);
        summary.Advanced.ShouldBe(1);
        summary.Reverted.ShouldBe(1);
        summary.ClosedByOutcome.ShouldBe([new OutcomeCount(Outcome.Resolved, 1), new OutcomeCount(Outcome.HandedOver, 1)]);
        summary.Recurrences.ShouldBe(1);
        summary.ActionsOpened.ShouldBe(3);
        summary.ActionsCompleted.ShouldBe(2);
        summary.ActionsOverdue.ShouldBe(3);
    }

    [Fact]
    public void Overdue_actions_are_grouped_by_team_with_days_overdue_counted_to_the_end_of_the_month()
    {
        var overdue = Model().OverdueByTeam;

        overdue.Select(t => (t.Team, t.Count)).ShouldBe(
            [("Community volunteers", 1), ("Environmental Enforcement", 1), ("Street Lighting", 1)]);
        overdue.Single(t => t.Team == "Street Lighting").Actions.ShouldHaveSingleItem()
            .ShouldBe(new OverdueAction("HT-0001", "Night re-inspection of the columns", On(10, 15), 17));
        overdue.Single(t => t.Team == "Community volunteers").Actions.ShouldHaveSingleItem().DaysOverdue.ShouldBe(32);
    }

    [Fact]
    public void The_open_actions_of_a_closed_problem_are_not_overdue()
    {
        Model().OverdueByTeam.SelectMany(t => t.Actions).ShouldNotContain(a => a.ProblemReference == "HT-0004");
    }

    [Fact]
    public void The_board_lists_every_problem_open_at_the_cutoff_with_its_rating_and_action_counts()
    {
        var board = Model().Board;

        board.Select(p => p.Reference).ShouldBe(["HT-0001", "HT-0002", "HT-0005"]);
        board[0].ShouldBe(new BoardProblem("HT-0001", "Street lights out on Wenlock Street",
            "Wenlock Street, between Brunswick Street and Burr Street", Phase.Hold, Rag.Amber, Risk.High, OpenActions: 1, OverdueActions: 1));
        board[1].Rag.ShouldBeNull();
        board[1].Phase.ShouldBe(Phase.Clear);
    }

    [Fact]
    public void A_problem_in_Hold_drawing_reports_since_its_last_review_is_slipping_back_on_the_board()
    {
        var model = MonthlyPackModel.From(AreaName, October, SlippingBack().Select(p => p.Events).ToList(), Teams);

        model.Board.Single(p => p.Reference == "HT-0007").HoldDecay.ShouldBe(new HoldDecay(1, On(10, 8), HoldDecay.Start.Review));
        model.Board.Where(p => p.Reference != "HT-0007").ShouldAllBe(p => p.HoldDecay == null);
        Model().Board.ShouldAllBe(p => p.HoldDecay == null);
    }

    /// <summary>The known area and an alley in Hold seen dumped in again after its review, once before the cutoff and once after.</summary>
    internal static IReadOnlyList<ProblemScript> SlippingBack()
    {
        var alley = ProblemScript.Report("HT-0007", "Dumping in the Brunswick Street alley", At(8, 1), AreaName, "Fly-tipping", Risk.Medium,
            "Alley off Brunswick Street");
        alley.Advance(At(9, 1), "Cleared; agreed at tasking to hold.");
        alley.Review(Rag.Green, "Holding well.", At(10, 8), On(11, 12));
        alley.Recurred("Bags by the gate", On(10, 20), At(10, 20), "FixMyStreet");
        alley.Recurred("Mattress dumped", On(11, 2), At(11, 2), "FixMyStreet");
        return [.. Problems(), alley];
    }

    [Fact]
    public void Problems_active_in_the_month_get_a_section_with_their_phase_history_and_this_months_work()
    {
        var model = Model();

        model.ActiveProblems.Select(p => p.Reference).ShouldBe(["HT-0001", "HT-0002", "HT-0003", "HT-0004"]);
        var alley = model.ActiveProblems.Single(p => p.Reference == "HT-0002");
        alley.ReportedThisMonth.ShouldBeTrue();
        alley.PhaseHistory.ShouldBe([
            new PhaseStep(Phase.Clear, On(10, 5), PhaseMove.Reported, null),
            new PhaseStep(Phase.Hold, On(10, 21), PhaseMove.AdvancedWithOverride, "Letters are going out; the alley is clear."),
            new PhaseStep(Phase.Clear, On(10, 28), PhaseMove.MovedBack, "Dumping returned within a week"),
        ]);
        alley.ExitCriteria.ShouldBe([new CriterionState(Phase.Clear, "No fresh dumping for four weeks", false, null, null)]);
        alley.CompletedThisMonth.ShouldBe([new CompletedAction("Clear the fly-tipping from the alley", "Clean Streets", On(10, 8), "Two tonnes of waste removed.")]);
        alley.OpenActions.ShouldBe([new OpenAction("Enforcement letters to the businesses on Burr Street", "Environmental Enforcement", Phase.Clear, On(10, 20), 12)]);
        alley.Recurrences.ShouldBe([new RecurrenceEntry(On(10, 26), "Fresh bags dumped by the bins", "Resident report")]);

        var lights = model.ActiveProblems.Single(p => p.Reference == "HT-0001");
        lights.Reviews.ShouldBe([new ReviewEntry(On(10, 8), Rag.Amber, "Keep the night inspections going until the new lanterns arrive.", On(11, 12))]);
        lights.Notes.ShouldBe([new NoteEntry(On(10, 10), "Residents report the stretch feels safer after dark.")]);

        var shop = model.ActiveProblems.Single(p => p.Reference == "HT-0003");
        shop.Status.ShouldBe(ProblemStatus.Closed);
        shop.ClosedOn.ShouldBe(On(10, 20));
        shop.ClosingNote.ShouldBe("The shop has been let and reopened.");
    }

    [Fact]
    public void Events_after_the_cutoff_leave_the_pack_as_it_was()
    {
        var model = Model();

        model.Board.ShouldNotContain(p => p.Reference == "HT-0006");
        model.ActiveProblems.Single(p => p.Reference == "HT-0001").Notes.Count.ShouldBe(1);
        model.Summary.AtEnd.Open.ShouldBe(3);
    }

    [Fact]
    public void Partners_are_those_whose_teams_have_actions_in_the_area()
    {
        Model().Partners.ShouldBe(["Bedfordshire Police", "Community groups", "Luton Council"]);
    }

    [Fact]
    public void Trends_show_where_problems_stood_at_each_of_the_last_twelve_month_ends_and_the_actions_of_each_month()
    {
        var trends = Model().Trends;

        trends.Count.ShouldBe(12);
        trends[0].Month.ShouldBe(new PackMonth(2025, 11));
        trends[^1].Month.ShouldBe(October);
        var august = trends.Single(t => t.Month == new PackMonth(2026, 8));
        august.AtEnd.ShouldBe(new PhaseCounts(Clear: 1, Hold: 2, Build: 0, Closed: 0));
        (august.ActionsOpened, august.ActionsCompleted).ShouldBe((1, 1));
        var june = trends.Single(t => t.Month == new PackMonth(2026, 6));
        (june.ActionsOpened, june.ActionsCompleted).ShouldBe((3, 1));
        trends.Single(t => t.Month == new PackMonth(2026, 9)).AtEnd.ShouldBe(Model().Summary.AtStart);
        trends.Where(t => t.Month < new PackMonth(2026, 5)).ShouldAllBe(t => t.AtEnd == PhaseCounts.None);
    }

    [Fact]
    public void A_month_boundary_in_summer_time_falls_at_midnight_BST()
    {
        // 30 September 2026 23:30 UTC is 00:30 on 1 October in London.
        var september = new PackMonth(2026, 9);
        var lastOfSeptember = ProblemScript.Report("HT-0101", "Late September report", new DateTimeOffset(2026, 9, 30, 22, 30, 0, TimeSpan.Zero));
        var firstOfOctober = ProblemScript.Report("HT-0102", "Early October report", new DateTimeOffset(2026, 9, 30, 23, 30, 0, TimeSpan.Zero));
        IEnumerable<IProblemEvent>[] histories = [lastOfSeptember.Events, firstOfOctober.Events];

        september.Cutoff.ShouldBe(new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero));
        MonthlyPackModel.From(AreaName, september, histories, Teams).Board.Select(p => p.Reference).ShouldBe(["HT-0101"]);
        MonthlyPackModel.From(AreaName, October, histories, Teams).ActiveProblems.Select(p => p.Reference).ShouldBe(["HT-0102"]);
    }

    [Fact]
    public void A_month_boundary_in_winter_falls_at_midnight_GMT()
    {
        var lastOfOctober = ProblemScript.Report("HT-0103", "Late October report", new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero));
        var firstOfNovember = ProblemScript.Report("HT-0104", "Early November report", new DateTimeOffset(2026, 11, 1, 0, 30, 0, TimeSpan.Zero));
        IEnumerable<IProblemEvent>[] histories = [lastOfOctober.Events, firstOfNovember.Events];

        October.Cutoff.ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        MonthlyPackModel.From(AreaName, October, histories, Teams).ActiveProblems.Select(p => p.Reference).ShouldBe(["HT-0103"]);
        MonthlyPackModel.From(AreaName, new PackMonth(2026, 11), histories, Teams).Summary.NewProblems.ShouldBe(1);
    }

    [Fact]
    public void A_correction_recorded_later_but_dated_inside_the_month_counts_in_that_month()
    {
        var histories = Problems().Select(p => p.Events.ToList()).ToList();
        var footpath = histories[4];
        footpath.Add(new RecurrenceLogged(footpath[0].ProblemId, On(10, 14), "Dumping on the footpath, reported late", null,
            ProblemScript.Coordinator, At(10, 14)));

        var model = MonthlyPackModel.From(AreaName, October, histories, Teams);

        model.Summary.Recurrences.ShouldBe(2);
        model.ActiveProblems.Select(p => p.Reference).ShouldContain("HT-0005");
    }

    [Fact]
    public void A_month_before_any_problem_was_reported_has_no_activity_and_empty_figures()
    {
        var model = Model(new PackMonth(2026, 3));

        model.HadActivity.ShouldBeFalse();
        model.Board.ShouldBeEmpty();
        model.OverdueByTeam.ShouldBeEmpty();
        model.Summary.AtEnd.ShouldBe(PhaseCounts.None);
        model.Trends.Count.ShouldBe(12);
    }

    [Fact]
    public void An_action_whose_team_is_not_in_the_reference_data_is_shown_under_an_unknown_team_rather_than_failing()
    {
        var model = MonthlyPackModel.From(AreaName, October, Histories(), Teams.Where(t => t.Id != CommunityVolunteers.Id).ToList());

        model.OverdueByTeam.Select(t => t.Team).ShouldContain("Unknown team");
    }
}
