using Alba;
using Hangfire;
using Hangfire.Storage;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Admin.Users;
using Octans.Api.Problems;
using Octans.Api.Problems.Notes;
using Octans.Api.Problems.Reporting;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Operations;

/// <summary>A phone on a weak signal sends a write again when no answer came: with an Idempotency-Key it counts once.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(AppFixture app)
{
    [Fact]
    public async Task A_note_sent_again_with_its_key_gets_the_first_answer_and_is_added_once()
    {
        var created = await app.ReportProblem();
        var key = NewKey();
        var note = new { version = created.Version, text = "Column 14 door found open; made safe." };

        var first = await Send(Lighting, $"/api/problems/{created.Id}/notes", note, key, 200);
        var again = await Send(Lighting, $"/api/problems/{created.Id}/notes", note, key, 200);

        (await again.ReadAsTextAsync()).ShouldBe(await first.ReadAsTextAsync());
        again.Context.Response.ContentType.ShouldBe(first.Context.Response.ContentType);
        (await again.NewVersion()).ShouldBe(created.Version + 1);
        (await EventsOf(created.Id)).ShouldBe(created.Version + 1);
        (await app.Details(created.Id)).Notes.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_report_sent_again_with_its_key_makes_one_problem_and_answers_with_the_same_id_and_location()
    {
        var title = $"Fly-tipping behind Hatters Way garages {Guid.NewGuid():N}";
        var key = NewKey();

        var first = await Send(Coordinator, "/api/problems", ReportBody(title), key, 201);
        var again = await Send(Coordinator, "/api/problems", ReportBody(title), key, 201);

        var created = (await first.ReadAsJsonAsync<ProblemCreated>())!;
        (await again.ReadAsJsonAsync<ProblemCreated>()).ShouldBe(created);
        again.Context.Response.Headers.Location.ToString().ShouldBe($"/api/problems/{created.Id}");
        (await ProblemsTitled(title)).ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_key_a_report_sent_twice_makes_two_problems()
    {
        var title = $"Graffiti on the Chiltern Road underpass {Guid.NewGuid():N}";

        await Send(Coordinator, "/api/problems", ReportBody(title), key: null, 201);
        await Send(Coordinator, "/api/problems", ReportBody(title), key: null, 201);

        (await ProblemsTitled(title)).ShouldBe(2);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_a_422_and_changes_nothing()
    {
        var created = await app.ReportProblem();
        var key = NewKey();
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "First visit." }, key, 200);

        var reused = await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version + 1, text = "Second visit." }, key, 422);

        (await reused.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe(Answers.KeyReused().Detail);
        (await EventsOf(created.Id)).ShouldBe(created.Version + 1);
        (await app.Details(created.Id)).Notes.Select(n => n.Text).ShouldBe(["First visit."]);
    }

    [Fact]
    public async Task The_same_key_on_another_route_is_a_422()
    {
        var problem = await app.ReportProblemWithAction();
        var key = NewKey();
        var body = new { version = problem.Version, text = "Lamps replaced." };
        await Send(Lighting, $"/api/problems/{problem.Id}/notes", body, key, 200);

        await Send(Lighting, $"/api/problems/{problem.Id}/recurrences", body, key, 422);

        (await EventsOf(problem.Id)).ShouldBe(problem.Version + 1);
    }

    [Fact]
    public async Task Two_users_with_the_same_key_each_have_their_write()
    {
        var created = await app.ReportProblem();
        var key = NewKey();

        await Send(Coordinator, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Coordinator's note." }, key, 200);
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version + 1, text = "Lighting's note." }, key, 200);

        (await app.Details(created.Id)).Notes.Select(n => n.Text).ShouldBe(["Lighting's note.", "Coordinator's note."], ignoreOrder: true);
    }

    [Fact]
    public async Task Twenty_identical_requests_racing_are_applied_once_and_all_get_the_same_answer()
    {
        var created = await app.ReportProblem();
        var key = NewKey();
        var token = await app.TokenFor(Lighting);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            var result = await app.Host.Scenario(s =>
            {
                s.Post.Json(new { version = created.Version, text = "Racing retries." }).ToUrl($"/api/problems/{created.Id}/notes");
                s.WithBearerToken(token);
                s.WithRequestHeader(IdempotentWrites.Header, key);
                s.IgnoreStatusCode();
            });
            return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
        }));

        answers.Distinct().Count().ShouldBe(1, string.Join(", ", answers.Select(a => a.StatusCode)));
        answers[0].StatusCode.ShouldBe(200);
        (await EventsOf(created.Id)).ShouldBe(created.Version + 1);
    }

    [Fact]
    public async Task A_write_whose_first_answer_was_lost_gets_its_success_again_not_a_stale_version_conflict()
    {
        var problem = await app.ReportProblemWithAction();
        var key = NewKey();
        var completion = new { version = problem.Version, note = "Lamps replaced." };
        await Send(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete", completion, key, 200);
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = problem.Version + 1, text = "Checked at dusk." });

        var again = await Send(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete", completion, key, 200);

        (await again.NewVersion()).ShouldBe(problem.Version + 1);
        (await EventsOf(problem.Id)).ShouldBe(problem.Version + 2);
    }

    [Fact]
    public async Task A_refused_write_is_not_kept_so_the_corrected_request_may_use_the_same_key()
    {
        var created = await app.ReportProblem();
        var key = NewKey();
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "  " }, key, 400);
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version + 5, text = "Stale." }, key, 409);

        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Made safe." }, key, 200);

        (await app.Details(created.Id)).Notes.Select(n => n.Text).ShouldBe(["Made safe."]);
    }

    [Fact]
    public async Task A_key_kept_more_than_a_day_ago_counts_for_nothing()
    {
        var title = $"Broken bollards on Bute Street {Guid.NewGuid():N}";
        var key = NewKey();
        await Send(Coordinator, "/api/problems", ReportBody(title), key, 201);

        app.Clock.Advance(IdempotencyKeys.KeptFor + TimeSpan.FromMinutes(1));
        await Send(Coordinator, "/api/problems", ReportBody(title), key, 201);
        var third = await Send(Coordinator, "/api/problems", ReportBody(title), key, 201);

        (await ProblemsTitled(title)).ShouldBe(2);
        (await third.ReadAsJsonAsync<ProblemCreated>())!.Reference.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_hourly_sweep_deletes_the_keys_kept_more_than_a_day_ago_and_no_others()
    {
        var created = await app.ReportProblem();
        var old = NewKey();
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Yesterday." }, old, 200);
        app.Clock.Advance(IdempotencyKeys.KeptFor + TimeSpan.FromMinutes(1));
        var recent = NewKey();
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version + 1, text = "Today." }, recent, 200);

        await new IdempotencyKeySweep(app.Store, app.Clock).SweepAsync(CancellationToken.None);

        (await KeyKept(old)).ShouldBeFalse();
        (await KeyKept(recent)).ShouldBeTrue();
    }

    [Fact]
    public void The_sweep_runs_every_hour()
    {
        using var connection = app.Host.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().Single(j => j.Id == IdempotencyKeySweep.RecurringJobId);
        job.Cron.ShouldBe(Cron.Hourly());
        job.Job.Type.ShouldBe(typeof(IdempotencyKeySweep));
        job.Job.Method.Name.ShouldBe(nameof(IdempotencyKeySweep.SweepAsync));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tin the key")]
    [InlineData("caf\u00e9")]
    public async Task A_key_that_is_empty_or_not_printable_is_a_400_and_changes_nothing(string key) =>
        await AKeyIsRefused(key);

    [Fact]
    public async Task A_key_over_200_characters_is_a_400_and_changes_nothing() => await AKeyIsRefused(new string('k', 201));

    [Fact]
    public async Task A_key_of_200_printable_characters_is_taken()
    {
        var created = await app.ReportProblem();
        var key = string.Concat(Enumerable.Repeat("Az09 -_.:~", 20));
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Long key." }, key, 200);
        (await KeyKept(key)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_user_created_twice_with_one_key_is_created_once()
    {
        var key = NewKey();
        var user = new { email = $"crew-{Guid.NewGuid():N}@luton.gov.uk", name = "Night crew lead", role = "Coordinator", password = "a-long-first-password" };

        var first = await Send(ProblemsApi.Admin, "/api/users", user, key, 201);
        var again = await Send(ProblemsApi.Admin, "/api/users", user, key, 201);

        (await again.ReadAsTextAsync()).ShouldBe(await first.ReadAsTextAsync());
        again.Context.Response.Headers.Location.ToString().ShouldBe(first.Context.Response.Headers.Location.ToString());
        await using var session = app.Store.QuerySession();
        (await session.Query<Octans.Api.SigningIn.User>().CountAsync(u => u.Email == user.email)).ShouldBe(1);
    }

    [Fact]
    public async Task A_monthly_pack_asked_for_twice_with_one_key_is_one_job()
    {
        var key = NewKey();
        // A month no other test asks for, so the packs they count are not this test's.
        const string month = "2025-06";

        var first = await Send(Coordinator, "/api/reports/monthly", new { area = "High Town", month }, key, 202);
        var again = await Send(Coordinator, "/api/reports/monthly", new { area = "High Town", month }, key, 202);

        (await again.ReadAsTextAsync()).ShouldBe(await first.ReadAsTextAsync());
        again.Context.Response.Headers.Location.ToString().ShouldBe(first.Context.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task A_problem_write_and_its_kept_answer_commit_together_or_not_at_all()
    {
        var created = await app.ReportProblem();
        const string key = "the-keep-fails";

        await using (await RefuseToKeep(key))
            await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Made safe." }, key, 500);

        (await EventsOf(created.Id)).ShouldBe(created.Version);
        (await app.Details(created.Id)).Notes.ShouldBeEmpty();
        (await KeyKept(key)).ShouldBeFalse();

        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Made safe." }, key, 200);
        await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Made safe." }, key, 200);
        (await EventsOf(created.Id)).ShouldBe(created.Version + 1);
        (await KeyKept(key)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_report_and_its_kept_answer_commit_together_or_not_at_all()
    {
        var title = $"Abandoned car on Albert Road {Guid.NewGuid():N}";
        const string key = "the-report-keep-fails";

        await using (await RefuseToKeep(key))
            await Send(Coordinator, "/api/problems", ReportBody(title), key, 500);

        (await ProblemsTitled(title)).ShouldBe(0);
        await Send(Coordinator, "/api/problems", ReportBody(title), key, 201);
        (await ProblemsTitled(title)).ShouldBe(1);
    }

    [Fact]
    public async Task A_user_and_the_kept_answer_to_creating_them_commit_together_or_not_at_all()
    {
        const string key = "the-user-keep-fails";
        var email = $"crew-{Guid.NewGuid():N}@luton.gov.uk";

        await using (await RefuseToKeep(key))
            await Send(ProblemsApi.Admin, "/api/users", new { email, name = "Night crew lead", role = "Coordinator", password = "a-long-first-password" }, key, 500);

        await using var session = app.Store.QuerySession();
        (await session.Query<Octans.Api.SigningIn.User>().CountAsync(u => u.Email == email)).ShouldBe(0);
    }

    [Fact]
    public async Task A_write_whose_database_connection_breaks_before_it_commits_is_a_503_and_its_retry_applies_it_once()
    {
        var created = await app.ReportProblem();
        const string key = "the-connection-breaks";
        var note = new { version = created.Version, text = "Made safe." };

        // The connection breaks as the note's row is written, inside the endpoint's own SaveChanges.
        await using (await OnInsert(ProblemNotes.Table, $"new.{ProblemNotes.ProblemId} = '{created.Id}'", "perform pg_terminate_backend(pg_backend_pid()); return new;"))
        {
            var broken = await Send(Lighting, $"/api/problems/{created.Id}/notes", note, key, 503);
            (await broken.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe(Answers.Unavailable().Detail);
        }
        (await EventsOf(created.Id)).ShouldBe(created.Version);

        await Send(Lighting, $"/api/problems/{created.Id}/notes", note, key, 200);
        await Send(Lighting, $"/api/problems/{created.Id}/notes", note, key, 200);
        (await EventsOf(created.Id)).ShouldBe(created.Version + 1);
    }

    [Fact]
    public async Task The_API_description_offers_the_key_on_every_write_but_signing_in()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var paths = System.Text.Json.JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("paths");

        bool OffersKey(string path) => paths.GetProperty(path).GetProperty("post").TryGetProperty("parameters", out var parameters)
            && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == IdempotentWrites.Header && p.GetProperty("in").GetString() == "header");

        foreach (var write in WriteRoute.All.Values) OffersKey(write.Path).ShouldBeTrue(write.Path);
        OffersKey("/api/problems").ShouldBeTrue();
        OffersKey("/api/users").ShouldBeTrue();
        OffersKey("/api/auth/token").ShouldBeFalse();
    }

    private async Task AKeyIsRefused(string key)
    {
        var created = await app.ReportProblem();
        var result = await Send(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Made safe." }, key, 400);
        (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors.ShouldContainKey(IdempotentWrites.Header);
        (await EventsOf(created.Id)).ShouldBe(created.Version);
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private async Task<IScenarioResult> Send(string email, string url, object body, string? key, int status)
    {
        var token = await app.TokenFor(email);
        return await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            if (key is not null) s.WithRequestHeader(IdempotentWrites.Header, key);
            s.StatusCodeShouldBe(status);
        });
    }

    private async Task<long> EventsOf(Guid problemId)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(problemId)).Count;
    }

    private async Task<int> ProblemsTitled(string title)
    {
        await using var session = app.Store.QuerySession();
        return await session.Events.QueryRawEventDataOnly<ProblemReported>().CountAsync(e => e.Title == title);
    }

    private async Task<bool> KeyKept(string key)
    {
        await using var session = app.Store.QuerySession();
        return await session.ReadFirstAsync($"select count(*) from {IdempotencyKeys.Table} where {IdempotencyKeys.Key} = ?",
            r => r.GetInt64(0), CancellationToken.None, key) > 0;
    }

    /// <summary>Makes keeping the answer for <paramref name="key"/> fail, as a database failing at the last moment would, until disposed.</summary>
    private Task<IAsyncDisposable> RefuseToKeep(string key) =>
        OnInsert(IdempotencyKeys.Table, $"new.{IdempotencyKeys.Key} = '{key}'", "raise exception 'keeping refused by the test';");

    /// <summary>Runs <paramref name="body"/>, PL/pgSQL, before each row inserted into <paramref name="table"/> that meets <paramref name="when"/>, until disposed.</summary>
    private async Task<IAsyncDisposable> OnInsert(string table, string when, string body)
    {
        var trigger = $"chaos_{Guid.NewGuid():N}";
        // Triggers are the schema owner's to make; the app's role may not.
        await using var session = app.OwnerStore.LightweightSession();
        session.Queue($"create function {ReadTables.Qualified(trigger)}() returns trigger language plpgsql as 'begin {body.Replace("'", "''")} end'");
        session.Queue($"create trigger {trigger} before insert on {table} for each row when ({when}) execute function {ReadTables.Qualified(trigger)}()");
        await session.SaveChangesAsync();
        return new Dropping(app.OwnerStore, table, trigger);
    }

    private sealed class Dropping(IDocumentStore store, string table, string trigger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var session = store.LightweightSession();
            session.Queue($"drop trigger {trigger} on {table}");
            session.Queue($"drop function {ReadTables.Qualified(trigger)}()");
            await session.SaveChangesAsync();
        }
    }
}
