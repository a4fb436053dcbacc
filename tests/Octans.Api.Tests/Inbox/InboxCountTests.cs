using Marten;
using Octans.Api.Inbox;
using Octans.Api.Setup;
using Octans.Domain;
using static Octans.Api.Tests.Inbox.InboxApi;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Inbox;

/// <summary>The counts of reports kept beside the inbox's rows agree with counting the rows, whatever happens to them.</summary>
[Collection(ApiCollection.Name)]
public sealed class InboxCountTests(AppFixture app)
{
    [Fact]
    public async Task Each_areas_count_of_reports_in_each_state_is_what_counting_its_reports_gives_after_every_kind_of_change()
    {
        var problem = await app.ReportProblem();
        var (attached, promoted, dismissed, waiting) = (await app.TakeReport(), await app.TakeReport(), await app.TakeReport(), await app.TakeReport());
        await app.Post(Coordinator, $"/api/inbox/{attached}/attach", new { problemId = problem.Id, version = problem.Version });
        await app.Post(Coordinator, $"/api/inbox/{promoted}/promote", new { title = "Needles behind the parade", category = "Drug litter", risk = "High" }, 201);
        await app.Post(Coordinator, $"/api/inbox/{dismissed}/dismiss", new { reason = "Private land: passed to the landlord." }, 204);
        // Refused changes count nothing.
        await app.Post(Coordinator, $"/api/inbox/{dismissed}/dismiss", new { reason = "Again." }, 400);
        await app.Post(Coordinator, $"/api/inbox/{waiting}/promote", new { category = "Drug litter", risk = "High" }, 400);

        (await KeptAsync()).ShouldBe(await CountedAsync());
        await ThePagesTotalsAreTheCountsAsync();

        // The retention policy's deleting of long-dismissed reports counts them out.
        await using (var session = app.Store.LightweightSession())
        {
            InboxReports.Delete(session, [dismissed, waiting], InboxState.Dismissed);
            await session.SaveChangesAsync();
        }
        (await app.Inbox("area=HT&state=New&pageSize=100")).Items.ShouldContain(i => i.Id == waiting);
        (await KeptAsync()).ShouldBe(await CountedAsync());
        await ThePagesTotalsAreTheCountsAsync();
    }

    [Fact]
    public async Task Db_apply_counts_the_reports_again_from_their_rows()
    {
        await app.TakeReport();
        await using (var session = app.Store.LightweightSession())
        {
            session.Queue($"update {InboxReports.Counts} set reports = reports + 7");
            session.Queue($"delete from {InboxReports.Counts} where state = 'Attached'");
            await session.SaveChangesAsync();
        }
        (await KeptAsync()).ShouldNotBe(await CountedAsync());

        await InboxReports.RecountAsync(app.Store, CancellationToken.None);

        (await KeptAsync()).ShouldBe(await CountedAsync());
    }

    private async Task ThePagesTotalsAreTheCountsAsync()
    {
        var counted = await CountedAsync();
        (await app.Inbox("area=HT&state=New")).Total.ShouldBe(counted.Where(c => c is ("High Town", "New", _)).Sum(c => c.Reports));
        (await app.Inbox("area=HT")).Total.ShouldBe(counted.Where(c => c.Area == "High Town").Sum(c => c.Reports));
        (await app.Inbox("state=Promoted")).Total.ShouldBe(counted.Where(c => c.State == "Promoted").Sum(c => c.Reports));
        (await app.Inbox("")).Total.ShouldBe(counted.Sum(c => c.Reports));
        await using var query = app.Store.QuerySession();
        (await InboxReports.WaitingAsync(query, null, CancellationToken.None)).ShouldBe(counted.Where(c => c.State == "New").Sum(c => c.Reports));
    }

    private async Task<List<(string Area, string State, int Reports)>> KeptAsync() =>
        await ReadAsync($"select area, state, reports from {InboxReports.Counts} where reports <> 0 order by area, state");

    private async Task<List<(string Area, string State, int Reports)>> CountedAsync() =>
        await ReadAsync($"select area, state, count(*)::int from {InboxReports.Table} group by area, state order by area, state");

    private async Task<List<(string Area, string State, int Reports)>> ReadAsync(string sql)
    {
        await using var session = app.Store.QuerySession();
        return [.. await session.ReadAsync(sql, r => (r.GetString(0), r.GetString(1), r.GetInt32(2)), CancellationToken.None)];
    }
}
