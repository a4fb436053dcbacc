using Octans.Api.Dashboard;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>The dashboard's lists of what needs chasing: overdue actions by team, reviews overdue, confidence, and what changed by month.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChasingTests(AppFixture app)
{
    [Fact]
    public async Task Overdue_actions_are_listed_by_team_with_where_they_are_when_they_were_due_and_how_late_longest_overdue_first()
    {
        var area = await app.GivenArea();
        var today = app.Today();
        var earlier = app.Clock.GetUtcNow().AddDays(-10);
        var alley = await app.GivenProblem("Dark alley", area, location: "Alley off Wenlock Street", at: earlier);
        await alley.Plan("Replace lamp 14", Team.StreetLighting.Id, today.AddDays(-2), at: earlier);
        await alley.Plan("Replace lamp 15", Team.StreetLighting.Id, today.AddDays(-6), at: earlier);
        await alley.Plan("Replace lamp 16", Team.StreetLighting.Id, today, at: earlier);
        var done = await alley.Plan("Replace lamp 17", Team.StreetLighting.Id, today.AddDays(-3), at: earlier);
        await alley.Then(new CompleteAction(done, "Replaced, late."));
        var street = await app.GivenProblem("Litter on Burr Street", area, location: "Burr Street", at: earlier);
        await street.Plan("Sweep Burr Street", Team.CleanStreets.Id, today.AddDays(-1), at: earlier);
        await street.Plan("Sweep again", Team.CleanStreets.Id, today.AddDays(-1), at: earlier);
        await street.Plan("Sweep a third time", Team.CleanStreets.Id, today.AddDays(-1), at: earlier);

        var chasing = await app.Get<ChasingView>($"/api/dashboard/chasing?area={area.Id}");

        chasing.OverdueActionsByTeam.Select(t => (t.TeamId, t.Count)).ShouldBe([(Team.CleanStreets.Id, 3), (Team.StreetLighting.Id, 2)]);
        var lighting = chasing.OverdueActionsByTeam[1];
        lighting.TeamName.ShouldBe(Team.StreetLighting.Name);
        lighting.Actions.Select(a => (a.Description, a.DueOn, a.DaysLate)).ShouldBe([("Replace lamp 15", today.AddDays(-6), 6), ("Replace lamp 14", today.AddDays(-2), 2)]);
        lighting.Actions[0].ShouldSatisfyAllConditions(
            a => a.ProblemId.ShouldBe(alley.Id), a => a.Reference.ShouldBe(alley.Reference), a => a.Title.ShouldBe("Dark alley"),
            a => a.Place.ShouldBe("Alley off Wenlock Street"));
    }

    [Fact]
    public async Task Reviews_overdue_are_open_problems_past_their_next_review_date_longest_overdue_first()
    {
        var area = await app.GivenArea();
        var today = app.Today();
        var earlier = app.Clock.GetUtcNow().AddDays(-20);
        async Task<GivenProblem> Reviewed(string title, DateOnly next)
        {
            var problem = await app.GivenProblem(title, area, location: $"{title} corner", at: earlier);
            await problem.Then(new RecordReview(today.AddDays(-20), Rag.Amber, "Review again.", next), at: earlier);
            return problem;
        }
        var week = await Reviewed("A week late", today.AddDays(-7));
        var day = await Reviewed("A day late", today.AddDays(-1));
        await Reviewed("Due today", today);
        var closed = await Reviewed("Late but closed", today.AddDays(-3));
        await closed.Then(new CloseProblem(Outcome.Resolved, "Gone."));

        var chasing = await app.Get<ChasingView>($"/api/dashboard/chasing?area={area.Id}", Councillor);

        chasing.ReviewsOverdueTotal.ShouldBe(2);
        chasing.ReviewsOverdue.ShouldBe([
            new ReviewOverdue(week.Id, week.Reference, "A week late", "A week late corner", today.AddDays(-7), 7),
            new ReviewOverdue(day.Id, day.Reference, "A day late", "A day late corner", today.AddDays(-1), 1),
        ]);
    }

    [Fact]
    public async Task Confidence_counts_the_open_problems_by_their_last_rating()
    {
        var area = await app.GivenArea();
        foreach (var (rag, times) in new[] { (Rag.Red, 2), (Rag.Amber, 1), (Rag.Green, 3) })
            for (var n = 0; n < times; n++)
                await (await app.GivenProblem($"{rag} {n}", area)).Then(new RecordReview(app.Today(), rag, "Rated."));
        await app.GivenProblem("Not rated", area);
        var closed = await app.GivenProblem("Closed, was Red", area);
        await closed.Then(new RecordReview(app.Today(), Rag.Red, "Rated."));
        await closed.Then(new CloseProblem(Outcome.NoFurtherAction, "Handled elsewhere."));

        (await app.Get<ChasingView>($"/api/dashboard/chasing?area={area.Id}")).Confidence.ShouldBe(new ConfidenceCounts(2, 1, 3, 1));
    }

    [Fact]
    public async Task What_changed_is_counted_for_this_month_so_far_and_each_of_the_two_months_before()
    {
        var area = await app.GivenArea();
        var now = app.Clock.GetUtcNow();
        var today = app.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = London.StartOfDay(thisMonth.AddMonths(-1)).AddDays(3);
        var before = London.StartOfDay(thisMonth.AddMonths(-2)).AddDays(3);
        var old = await app.GivenProblem("Reported two months ago", area, at: before);
        var lamp = await old.Plan("Replace lamp", Team.StreetLighting.Id, today.AddDays(5), at: before);
        await old.Then(new AdvancePhase("Patrols cover it."), at: lastMonth);
        await old.Then(new LogRecurrence(today.AddDays(-1), "Dark again."), at: now);
        await old.Then(new CompleteAction(lamp, "Replaced."), at: now);
        var recent = await app.GivenProblem("Reported last month", area, at: lastMonth);
        await recent.Then(new CloseProblem(Outcome.Resolved, "Cleared."), at: lastMonth.AddDays(1));
        await recent.Then(new ReopenProblem("Back again."), at: now);
        await app.GivenProblem("Reported this month", area, at: now);

        var changes = (await app.Get<ChasingView>($"/api/dashboard/chasing?area={area.Id}")).Changes;

        changes.Select(c => c.Month).ShouldBe([thisMonth.ToString("yyyy-MM"), thisMonth.AddMonths(-1).ToString("yyyy-MM"), thisMonth.AddMonths(-2).ToString("yyyy-MM")]);
        changes[0].ShouldBe(new MonthOfChanges(changes[0].Month, Reported: 1, MovedPhase: 0, Closed: 0, Reopened: 1, Recurred: 1, ActionsDone: 1));
        changes[1].ShouldBe(new MonthOfChanges(changes[1].Month, Reported: 1, MovedPhase: 1, Closed: 1, Reopened: 0, Recurred: 0, ActionsDone: 0));
        changes[2].ShouldBe(new MonthOfChanges(changes[2].Month, Reported: 1, MovedPhase: 0, Closed: 0, Reopened: 0, Recurred: 0, ActionsDone: 0));
    }

    [Fact]
    public async Task A_sensitive_problem_is_chased_only_by_those_who_may_see_it_and_counted_for_no_one_else()
    {
        var area = await app.GivenArea();
        var today = app.Today();
        var earlier = app.Clock.GetUtcNow().AddDays(-10);
        var hidden = await app.GivenProblem("Outreach meeting point", area, at: earlier);
        await hidden.Then(new ChangeSensitivity(true, [Team.HighTownPolice.Id]), at: earlier);
        await hidden.Plan("Patrol at dusk", Team.HighTownPolice.Id, today.AddDays(-2), at: earlier);
        await hidden.Then(new RecordReview(today.AddDays(-10), Rag.Red, "Keep watching.", today.AddDays(-1)), at: earlier);

        var coordinator = await app.Get<ChasingView>($"/api/dashboard/chasing?area={area.Id}");
        coordinator.OverdueActionsByTeam.Single().Actions.Single().ProblemId.ShouldBe(hidden.Id);
        coordinator.ReviewsOverdue.Single().ProblemId.ShouldBe(hidden.Id);
        coordinator.Confidence.Red.ShouldBe(1);
        coordinator.Changes[0].Reported.ShouldBe(1);

        foreach (var reader in new[] { Councillor, Lighting })
        {
            var other = await app.Get<ChasingView>($"/api/dashboard/chasing?area={area.Id}", reader);
            other.OverdueActionsByTeam.ShouldBeEmpty();
            other.ReviewsOverdue.ShouldBeEmpty();
            other.ReviewsOverdueTotal.ShouldBe(0);
            other.Confidence.ShouldBe(new ConfidenceCounts(0, 0, 0, 0));
            other.Changes[0].Reported.ShouldBe(0);
        }
    }
}
