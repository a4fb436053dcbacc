using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Observing;
using Octans.Api.Reports.Producing;
using Octans.Api.Tests.Inbox;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.Observing.Scrapes;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Observing;

[Collection(ApiCollection.Name)]
public sealed class MetricsTests(AppFixture app)
{
    private static readonly IPAddress Elsewhere = IPAddress.Parse("198.51.100.7");

    [Fact]
    public async Task Promtool_accepts_the_metrics_with_every_measure_of_Octans_own_and_those_of_its_parts()
    {
        var problem = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = problem.Version, text = "Checked on site." });
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = problem.Version, text = "Checked again." }, 409);
        var job = app.Host.Services.GetRequiredService<MonthlyPackJob>();
        await Should.ThrowAsync<InvalidOperationException>(() => job.RenderAsync("High Town", "2099-01", null, CancellationToken.None));

        var metrics = await app.Metrics();

        var (exitCode, said) = await PromtoolCheckAsync(metrics);
        exitCode.ShouldBe(0, said);
        said.Trim().ShouldBeEmpty();
        // ASP.NET Core's, Npgsql's and Marten's series are in the text promtool checked, but which host's meters of the same
        // name the SDK takes is not fixed while other tests' hosts share this process, so only Octans' own are named.
        foreach (var name in new[]
                 {
                     "octans_writes_total", "octans_conflicts_total", "octans_pack_job_duration_seconds_count", "octans_inbox_waiting",
                     "octans_actions_overdue", "octans_jobs",
                 })
            metrics.ShouldContain($"\n{name}", customMessage: $"{name} is not among the metrics");
    }

    [Fact]
    public async Task Each_write_counts_by_command_and_outcome_and_each_409_as_a_conflict()
    {
        var problem = await app.ReportProblem();
        var before = await app.Metrics();

        await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = problem.Version, text = "Checked on site." });
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = problem.Version, text = "Checked again." }, 409);
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = problem.Version + 1, text = "" }, 400);
        var after = await app.Metrics();

        double Grew(string name, params (string, string)[] labels) => Value(after, name, labels) - Value(before, name, labels);
        Grew("octans_writes_total", ("command", "AddNote"), ("outcome", "accepted")).ShouldBeGreaterThanOrEqualTo(1);
        Grew("octans_writes_total", ("command", "AddNote"), ("outcome", "conflict")).ShouldBeGreaterThanOrEqualTo(1);
        Grew("octans_writes_total", ("command", "AddNote"), ("outcome", "refused")).ShouldBeGreaterThanOrEqualTo(1);
        Grew("octans_conflicts_total").ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_pack_job_is_timed_by_kind_and_by_whether_it_made_the_pack()
    {
        var before = await app.Metrics();
        var job = app.Host.Services.GetRequiredService<MonthlyPackJob>();
        await Should.ThrowAsync<InvalidOperationException>(() => job.RenderAsync("High Town", "2099-01", null, CancellationToken.None));

        var after = await app.Metrics();
        (Value(after, "octans_pack_job_duration_seconds_count", ("kind", "monthly"), ("outcome", "failed"))
            - Value(before, "octans_pack_job_duration_seconds_count", ("kind", "monthly"), ("outcome", "failed"))).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task The_inbox_and_overdue_actions_are_counted_from_the_database_at_most_every_thirty_seconds()
    {
        app.Clock.Advance(WorkWaiting.FreshFor);
        var first = Value(await app.Metrics(), "octans_inbox_waiting");

        await app.TakeReport();
        var soon = Value(await app.Metrics(), "octans_inbox_waiting");
        app.Clock.Advance(WorkWaiting.FreshFor);
        var later = Value(await app.Metrics(), "octans_inbox_waiting");

        soon.ShouldBe(first);
        later.ShouldBe(first + 1);
    }

    [Fact]
    public async Task Metrics_are_for_an_administrators_token_and_the_scrapers_and_not_found_by_anyone_else()
    {
        var scraper = IPAddress.Parse("192.0.2.15");
        await app.MetricsAs(null, scraper, 200);
        await app.MetricsAs(await app.TokenFor(ProblemsApi.Admin), Elsewhere, 200);

        var anonymous = await app.MetricsAs(null, Elsewhere, 404);
        var coordinator = await app.MetricsAs(await app.TokenFor(Coordinator), Elsewhere, 404);
        await app.MetricsAs(await app.TokenFor(Councillor), Elsewhere, 404);
        await app.MetricsAs("not-a-token", Elsewhere, 404);
        foreach (var refused in new[] { await anonymous.ReadAsTextAsync(), await coordinator.ReadAsTextAsync() })
            refused.ShouldNotContain("octans_");
    }
}
