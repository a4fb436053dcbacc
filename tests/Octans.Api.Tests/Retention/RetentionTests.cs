using System.Text.Json;
using Alba;
using Octans.Api.Reports.Archive;
using Octans.Api.Reports.Producing;
using Octans.Api.Retention;
using Octans.Api.Tests.Community;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using static Octans.Api.Tests.Retention.RetentionHistories;

namespace Octans.Api.Tests.Retention;

/// <summary>The nightly retention job against real histories: what it removes, what it must never touch, and what it records.</summary>
[Collection(ApiCollection.Name)]
public sealed class RetentionTests(AppFixture app)
{
    private const string Removed = RetentionPolicy.Removed;

    [Fact]
    public async Task A_problem_closed_before_the_cutoff_keeps_its_place_dates_and_phases_but_loses_its_text_in_events_and_every_read_model()
    {
        var area = await app.GivenArea();
        var secret = $"secret-{Guid.NewGuid():N}";
        var problem = await app.GivenWordyProblem(area, secret, LongAgo, await app.AnyTeam());
        await problem.Then(new CloseProblem(Outcome.Resolved, $"Closing {secret}"), LongAgo.AddDays(3));
        var before = await app.Get<Dictionary<string, object?>>($"/api/problems/{problem.Id}");

        await app.RetentionJob().ApplyAsync(CancellationToken.None);

        var events = await app.RawEvents(problem.Id);
        events.Count.ShouldBe(problem.Version);
        events.ShouldAllBe(e => !e.Contains(secret));
        events[0].ShouldContain(Removed);
        events[0].ShouldContain("51.8862");
        events[0].ShouldContain(problem.Reference);
        foreach (var url in new[] { $"/api/problems/{problem.Id}", $"/api/problems/{problem.Id}/timeline", $"/api/problems/{problem.Id}/notes",
                     $"/api/problems?area={area.Id}", $"/api/teams/{await app.AnyTeam()}/actions?status=Done" })
            (await app.Get(url)).ReadAsText().ShouldNotContain(secret);
        var after = await app.Get<Dictionary<string, object?>>($"/api/problems/{problem.Id}");
        after["title"]!.ToString().ShouldBe(Removed);
        after["statement"]!.ToString().ShouldBe(Removed);
        foreach (var kept in new[] { "reference", "phase", "status", "outcome", "updatedAt", "version" })
            after[kept]!.ToString().ShouldBe(before[kept]!.ToString(), kept);
        after["location"]!.ToString()!.ShouldContain("51.8862");
    }

    [Fact]
    public async Task Its_public_updates_leave_the_community_page_and_its_pack_keeps_its_bytes()
    {
        var area = await app.GivenArea();
        var secret = $"secret-{Guid.NewGuid():N}";
        var problem = await app.GivenWordyProblem(area, secret, LongAgo, await app.AnyTeam());
        await problem.Then(new CloseProblem(Outcome.Resolved, $"Closing {secret}"), LongAgo.AddDays(3));
        (await app.PublicText($"/community/{area.Id}")).ShouldContain($"Update {secret}");
        var pack = await app.Service<MonthlyPackJob>().RenderAndKeepAsync(area.Name, PackMonth.Of(LongAgo), CancellationToken.None);
        var bytes = (await app.Service<PackArchive>().ReadPdfAsync(pack.Id, CancellationToken.None))!.Value.Pdf;

        await app.RetentionJob().ApplyAsync(CancellationToken.None);

        var page = await app.PublicText($"/community/{area.Id}");
        page.ShouldNotContain(secret);
        page.ShouldNotContain(Removed);
        (await app.PublicText($"/community/{area.Id}/feed.atom")).ShouldNotContain(Removed);
        (await app.Service<PackArchive>().ReadPdfAsync(pack.Id, CancellationToken.None))!.Value.Pdf.ShouldBe(bytes);
        (await app.Service<PackArchive>().ListAsync(area.Name, CancellationToken.None)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Open311_no_longer_gives_an_update_whose_text_was_removed_as_the_status_notes_of_a_report_attached_to_it()
    {
        var area = await app.GivenArea();
        var secret = $"secret-{Guid.NewGuid():N}";
        var problem = await app.GivenWordyProblem(area, secret, LongAgo, await app.AnyTeam());
        await problem.Then(new CloseProblem(Outcome.Resolved, $"Closing {secret}"), LongAgo.AddDays(3));
        var report = await app.GivenReport(area, secret, LongAgo, dismissed: false, attachedTo: problem.Id);
        async Task<string> Notes() =>
            JsonDocument.Parse(await (await app.Host.Scenario(s => s.Get.Url($"/open311/v2/requests/{report}.json"))).ReadAsTextAsync())
                .RootElement[0].GetProperty("status_notes").GetString()!;
        (await Notes()).ShouldBe($"Update {secret}");

        await app.RetentionJob().ApplyAsync(CancellationToken.None);

        var notes = await Notes();
        notes.ShouldNotContain(secret);
        notes.ShouldNotContain(Removed);
    }

    [Fact]
    public async Task Open_problems_reopened_ones_recent_closings_and_waiting_reports_are_left_alone_and_a_second_run_records_zeros()
    {
        var area = await app.GivenArea();
        var team = await app.AnyTeam();
        var secret = $"secret-{Guid.NewGuid():N}";
        var open = await app.GivenWordyProblem(area, secret, LongAgo, team);
        var reopened = await app.GivenWordyProblem(area, secret, LongAgo, team);
        await reopened.Then(new CloseProblem(Outcome.Resolved, $"Closing {secret}"), LongAgo.AddDays(3));
        await reopened.Then(new ReopenProblem($"Back {secret}"), LongAgo.AddYears(1));
        var recent = await app.GivenWordyProblem(area, secret, LongAgo, team);
        await recent.Then(new CloseProblem(Outcome.Resolved, $"Closing {secret}"), RunAt.AddYears(-4));
        var old = await app.GivenWordyProblem(area, secret, LongAgo, team);
        await old.Then(new CloseProblem(Outcome.Resolved, $"Closing {secret}"), LongAgo.AddDays(3));
        var photos = new Dictionary<string, Guid>
        {
            ["open"] = await app.GivenPhoto(open.Id), ["reopened"] = await app.GivenPhoto(reopened.Id),
            ["recent"] = await app.GivenPhoto(recent.Id), ["old"] = await app.GivenPhoto(old.Id),
        };
        var waiting = await app.GivenReport(area, secret, LongAgo, dismissed: false);
        var dismissedLately = await app.GivenReport(area, secret, RunAt.AddMonths(-6), dismissed: true);
        var dismissedLongAgo = await app.GivenReport(area, secret, LongAgo, dismissed: true);
        var reportPhoto = await app.GivenPhoto(null, dismissedLongAgo);

        var first = await app.RetentionJob().ApplyAsync(CancellationToken.None);

        (first.Outcome, first.ProblemsAnonymised, first.ReportsDeleted, first.PhotosDeleted).ShouldBe((RetentionOutcome.Succeeded, 1, 1, 2));
        foreach (var kept in new[] { open, reopened, recent })
            (await app.RawEvents(kept.Id)).ShouldAllBe(e => !e.Contains(Removed));
        (await app.RawEvents(old.Id)).ShouldAllBe(e => !e.Contains(secret));
        foreach (var (which, photo) in photos)
            (await app.Count("select count(*) from octans.photos where id = @id", photo)).ShouldBe(which is "open" or "reopened" ? 1 : 0, which);
        (await app.Count("select count(*) from octans.photos where id = @id", reportPhoto)).ShouldBe(0);
        (await app.Count("select count(*) from octans.inbox_reports where id = @id", waiting)).ShouldBe(1);
        (await app.Count("select count(*) from octans.inbox_reports where id = @id", dismissedLately)).ShouldBe(1);
        (await app.Count("select count(*) from octans.inbox_reports where id = @id", dismissedLongAgo)).ShouldBe(0);
        (await app.RawEvents(dismissedLongAgo)).ShouldAllBe(e => !e.Contains(secret));
        (await app.RawEvents(waiting)).ShouldAllBe(e => e.Contains(secret));
        var eventsAfterFirst = await app.RawEvents(old.Id);

        var second = await app.RetentionJob().ApplyAsync(CancellationToken.None);

        (second.Outcome, second.ProblemsAnonymised, second.ReportsDeleted, second.PhotosDeleted).ShouldBe((RetentionOutcome.Succeeded, 0, 0, 0));
        (await app.RawEvents(old.Id)).ShouldBe(eventsAfterFirst);
        var recorded = await app.Get<RetentionOverview>("/api/admin/retention", ProblemsApi.Admin);
        recorded.Runs.Take(2).Select(r => (r.ProblemsAnonymised, r.ReportsDeleted, r.PhotosDeleted)).ShouldBe([(0, 0, 0), (1, 1, 2)]);
    }
}
