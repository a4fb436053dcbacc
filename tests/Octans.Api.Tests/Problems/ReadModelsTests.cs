using Octans.Api.Problems;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.Notes;
using Octans.Api.Problems.Timeline;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>What the read models keep as a problem's history grows, and that they always agree with the events.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReadModelsTests(AppFixture app)
{
    private static readonly Guid Lights = Team.StreetLighting.Id, Streets = Team.CleanStreets.Id;

    /// <summary>A month on an alley: cleared with an override, slipped back in Hold, reviewed at the meeting.</summary>
    private async Task<(GivenProblem Problem, Guid Cleared, Guid Repair)> AMonthOnTheAlley()
    {
        var start = app.Clock.GetUtcNow().AddDays(-30);
        DateTimeOffset Day(int n) => start.AddDays(n);
        var today = app.Today();
        var problem = await app.GivenProblem("Fly-tipping and drug litter in the alley", at: start);
        var cleared = await problem.Plan("Clear fly-tipping and needles", Streets, London.Today(Day(2)), Day(1));
        var repair = await problem.Plan("Repair columns 12 and 14", Lights, today.AddDays(-2), Day(1));
        await problem.Plan("Weekly cleanse", Streets, today.AddDays(30), Day(1), Phase.Hold);
        var siteCleared = Guid.CreateVersion7();
        await problem.Then(new AddExitCriterion(siteCleared, null, "Alley clear of waste"), Day(1));
        await problem.Then(new LogRecurrence(London.Today(Day(2)), "More bags overnight"), Day(2), GivenProblems.Lighting);
        await problem.Then(new CompleteAction(cleared, "Two vans of waste removed."), Day(3), GivenProblems.Lighting);
        await problem.Then(new MeetExitCriterion(siteCleared, "Photos after the clearance."), Day(3));
        await problem.Then(new AdvancePhase("Lights are booked; patrols cover the gap."), Day(4));
        await problem.Then(new LogRecurrence(London.Today(Day(10)), "Mattress dumped", "Resident report"), Day(10), GivenProblems.Lighting);
        await problem.Then(new RevertPhase("Dumping is back."), Day(11));
        await problem.Then(new RecordReview(London.Today(Day(12)), Rag.Amber, "Back to Clear; chase the lights.", today.AddDays(20)), Day(12));
        await problem.Then(new AddNote("Met the landlord of no. 44 on site."), Day(13));
        return (problem, cleared, repair);
    }

    [Fact]
    public async Task A_month_on_the_alley_shows_on_the_problem_page_as_it_happened()
    {
        var (problem, cleared, repair) = await AMonthOnTheAlley();
        var start = app.Clock.GetUtcNow().AddDays(-30);

        var details = await app.Details(problem.Id);

        details.ShouldSatisfyAllConditions(
            d => d.Version.ShouldBe(problem.Version), d => d.Phase.ShouldBe(Phase.Clear), d => d.Rag.ShouldBe(Rag.Amber),
            d => d.NextReviewOn.ShouldBe(app.Today().AddDays(20)), d => d.UpdatedAt.ShouldBe(start.AddDays(13)),
            d => d.ReportedBy.ShouldBe(GivenProblems.Coordinator.Name), d => d.OpenActions.ShouldBe(2), d => d.OverdueActions.ShouldBe(1),
            d => d.HoldDecay.ShouldBeNull(), d => d.Recurrences.Count.ShouldBe(2));
        details.ExitCriteria.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Met.ShouldBeTrue(), c => c.Evidence.ShouldBe("Photos after the clearance."), c => c.MetBy.ShouldBe(GivenProblems.Coordinator.Name),
            c => c.MetAt.ShouldBe(start.AddDays(3)));
        details.Actions.Single(a => a.Id == cleared).ShouldSatisfyAllConditions(
            a => a.Status.ShouldBe(ActionStatus.Done), a => a.CompletedAt.ShouldBe(start.AddDays(3)),
            a => a.CompletedBy.ShouldBe(GivenProblems.Lighting.Name), a => a.Note.ShouldBe("Two vans of waste removed."));
        details.Actions.Single(a => a.Id == repair).ShouldSatisfyAllConditions(a => a.Overdue.ShouldBeTrue(), a => a.TeamName.ShouldBe("Street Lighting"));
        details.Notes.ShouldHaveSingleItem().Text.ShouldBe("Met the landlord of no. 44 on site.");
        details.Recurrences.Select(r => r.Source).ShouldBe([null, "Resident report"]);
        details.PhaseHistory.Select(p => (p.Phase, p.EnteredAt, p.Reason, p.Override)).ShouldBe(
        [
            (Phase.Clear, start, null, false),
            (Phase.Hold, start.AddDays(4), "Lights are booked; patrols cover the gap.", true),
            (Phase.Clear, start.AddDays(11), "Dumping is back.", false),
        ]);
    }

    [Fact]
    public async Task A_recurrence_in_Hold_is_Hold_decay_until_the_next_review_and_one_in_Clear_never_is()
    {
        var problem = await app.GivenProblem("Recurrence flag alley");
        await problem.Then(new LogRecurrence(app.Today(), "Bags again", "CCTV"));
        (await app.Details(problem.Id)).HoldDecay.ShouldBeNull();

        await problem.Then(new AdvancePhase("Agreed at tasking."));
        await problem.Then(new LogRecurrence(app.Today(), "Bags again", null));
        await problem.Then(new LogRecurrence(app.Today(), "Needles by the gate", null));
        var decay = new HoldDecay(2, app.Today(), HoldDecay.Start.MovedToHold);
        (await app.Details(problem.Id)).HoldDecay.ShouldBe(decay);
        (await app.Get<ProblemListPage>($"/api/problems?q={Uri.EscapeDataString("Recurrence flag alley")}")).Items.Single().HoldDecay.ShouldBe(decay);

        await problem.Then(new RecordReview(app.Today(), Rag.Red, "Back to Clear next month."));
        (await app.Details(problem.Id)).ShouldSatisfyAllConditions(d => d.HoldDecay.ShouldBeNull(), d => d.Rag.ShouldBe(Rag.Red));
        await problem.Then(new LogRecurrence(app.Today(), "Bags again", null));
        (await app.Details(problem.Id)).HoldDecay.ShouldBe(new HoldDecay(1, app.Today(), HoldDecay.Start.Review));

        await problem.Then(new RevertPhase("Reports again since the review."));
        (await app.Details(problem.Id)).HoldDecay.ShouldBeNull();
    }

    [Fact]
    public async Task Reopening_a_problem_closed_as_a_duplicate_clears_its_outcome()
    {
        var original = await app.GivenProblem("Original alley");
        var problem = await app.GivenProblem("Duplicate alley");
        await problem.Then(new CloseProblem(Outcome.Duplicate, "Same alley.", original.Id));
        (await app.Details(problem.Id)).ShouldSatisfyAllConditions(d => d.Status.ShouldBe(ProblemStatus.Closed),
            d => d.Outcome.ShouldBe(Outcome.Duplicate), d => d.DuplicateOf.ShouldBe(original.Id), d => d.ClosingNote.ShouldBe("Same alley."));

        await problem.Then(new ReopenProblem("Not the same alley after all."));

        (await app.Details(problem.Id)).ShouldSatisfyAllConditions(d => d.Status.ShouldBe(ProblemStatus.Open),
            d => d.Outcome.ShouldBeNull(), d => d.DuplicateOf.ShouldBeNull(), d => d.ClosingNote.ShouldBeNull());
    }

    [Fact]
    public async Task The_problem_answers_its_latest_notes_and_pages_back_through_the_rest()
    {
        var problem = await app.GivenProblem("Forty-five notes");
        for (var n = 1; n <= 45; n++) await problem.Then(new AddNote($"Visit {n}"));

        var details = await app.Details(problem.Id);
        details.NotesTotal.ShouldBe(45);
        details.Notes.Select(n => n.Text).ShouldBe(Enumerable.Range(26, 20).Select(n => $"Visit {n}"));
        details.EarlierNotes.ShouldNotBeNull();

        var second = await app.Get<NotesPage>(details.EarlierNotes!);
        second.Items.Select(n => n.Text).ShouldBe(Enumerable.Range(6, 20).Select(n => $"Visit {n}"));
        second.Total.ShouldBe(45);
        var third = await app.Get<NotesPage>(second.Earlier!);
        third.Items.Select(n => n.Text).ShouldBe(Enumerable.Range(1, 5).Select(n => $"Visit {n}"));
        third.Earlier.ShouldBeNull();

        (await app.Get<NotesPage>($"/api/problems/{problem.Id}/notes?limit=3")).Items.Select(n => n.Text).ShouldBe(["Visit 43", "Visit 44", "Visit 45"]);
    }

    [Theory]
    [InlineData("before=0")]
    [InlineData("before=abc")]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    public async Task Paging_notes_with_numbers_out_of_range_is_a_400(string query)
    {
        var problem = await app.GivenProblem("Notes paged wrongly");
        await app.Get($"/api/problems/{problem.Id}/notes?{query}", status: 400);
    }

    [Fact]
    public async Task The_notes_of_an_unknown_problem_are_a_404() =>
        await app.Get($"/api/problems/{Guid.CreateVersion7()}/notes", status: 404);

    [Fact]
    public async Task The_timeline_pages_back_from_a_version_oldest_first_within_the_page()
    {
        var problem = await app.GivenProblem("Timeline of thirty notes");
        for (var n = 1; n <= 30; n++) await problem.Then(new AddNote($"Visit {n}"));

        var latest = await app.Get<List<TimelineEntry>>($"/api/problems/{problem.Id}/timeline?limit=10");
        latest.Select(e => e.Version).ShouldBe(Enumerable.Range(22, 10));
        latest[^1].Summary.ShouldBe("Note: Visit 30");

        var earlier = await app.Get<List<TimelineEntry>>($"/api/problems/{problem.Id}/timeline?before={latest[0].Version}&limit=10");
        earlier.Select(e => e.Version).ShouldBe(Enumerable.Range(12, 10));

        var all = await app.Get<List<TimelineEntry>>($"/api/problems/{problem.Id}/timeline");
        all.Count.ShouldBe(31);
        all[0].Type.ShouldBe("ProblemReported");
        await app.Get($"/api/problems/{problem.Id}/timeline?limit=501", status: 400);
    }

    [Fact]
    public async Task The_answer_stays_the_same_size_however_many_notes_a_problem_has()
    {
        var few = await app.GivenProblem("A few notes");
        var many = await app.GivenProblem("Many notes");
        for (var n = 1; n <= 25; n++) await few.Then(new AddNote($"Checked the alley on patrol {n}; nothing new to report."));
        for (var n = 1; n <= 250; n++) await many.Then(new AddNote($"Checked the alley on patrol {n}; nothing new to report."));

        var fewBytes = (await app.Get($"/api/problems/{few.Id}")).ReadAsText().Length;
        var manyBytes = (await app.Get($"/api/problems/{many.Id}")).ReadAsText().Length;

        manyBytes.ShouldBeLessThan(fewBytes + 100);
        (await app.Details(many.Id)).NotesTotal.ShouldBe(250);
    }

    [Fact]
    public async Task An_event_appended_without_its_problems_version_is_refused_and_nothing_is_stored()
    {
        var problem = await app.GivenProblem("Appended blind");
        await using var session = app.Store.LightweightSession();
        session.Events.Append(problem.Id, new NoteAdded(problem.Id, "Blind note", GivenProblems.Coordinator, app.Clock.GetUtcNow()));

        (await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync())).Message.ShouldContain("without the version");
        (await app.Details(problem.Id)).ShouldSatisfyAllConditions(d => d.Version.ShouldBe(1), d => d.NotesTotal.ShouldBe(0));
    }

    [Fact]
    public async Task Rebuilding_the_read_models_from_the_events_gives_what_every_write_kept()
    {
        var (problem, _, _) = await AMonthOnTheAlley();
        await problem.Then(new ReassignAction((await app.Details(problem.Id)).Actions[1].Id, Streets, "Night crew"));
        var before = (Details: await app.Get($"/api/problems/{problem.Id}"), Timeline: await app.Get($"/api/problems/{problem.Id}/timeline"),
            Tasks: await app.Get($"/api/teams/{Streets}/actions?status=All"), List: await app.Get($"/api/problems?q={problem.Reference}"));

        (await ProblemReadModels.RebuildAsync(app.OwnerStore, CancellationToken.None)).ShouldBeGreaterThan(problem.Version);

        (await app.Get($"/api/problems/{problem.Id}")).ReadAsText().ShouldBe(before.Details.ReadAsText());
        (await app.Get($"/api/problems/{problem.Id}/timeline")).ReadAsText().ShouldBe(before.Timeline.ReadAsText());
        (await app.Get($"/api/teams/{Streets}/actions?status=All")).ReadAsText().ShouldBe(before.Tasks.ReadAsText());
        (await app.Get($"/api/problems?q={problem.Reference}")).ReadAsText().ShouldBe(before.List.ReadAsText());
    }

    [Fact]
    public async Task Read_models_kept_by_an_older_version_are_rebuilt_by_the_owner_once()
    {
        var problem = await app.GivenProblem("Caught up at start");
        await using (var session = app.Store.LightweightSession())
        {
            Octans.Api.Setup.Sql.Queue(session, "update octans.read_models set version = 0");
            await session.SaveChangesAsync();
        }

        (await ProblemReadModels.CatchUpAsync(app.OwnerStore, CancellationToken.None)).ShouldNotBeNull();
        (await ProblemReadModels.CatchUpAsync(app.OwnerStore, CancellationToken.None)).ShouldBeNull();
        (await app.Details(problem.Id)).Title.ShouldBe("Caught up at start");
    }
}
