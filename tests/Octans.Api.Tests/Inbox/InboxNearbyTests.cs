using Marten;
using Octans.Api.Inbox;
using Octans.Api.Places;
using Octans.Api.Setup;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using static Octans.Api.Tests.Inbox.InboxApi;
using static Octans.Api.Tests.Places.RadiusSearchTests;

namespace Octans.Api.Tests.Inbox;

/// <summary>
/// The open problems near each report, kept on its row and renewed off the write's path: whatever opens, moves or closes,
/// a report shows what a fresh search of the spatial index finds, before its kept problems are renewed and after.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class InboxNearbyTests(AppFixture app)
{
    [Fact]
    public async Task A_report_shows_the_open_problems_a_fresh_search_finds_whatever_opens_moves_or_closes_near_it_before_and_after_renewal()
    {
        var centre = Somewhere();
        var reports = new[] { centre, North(centre, 180), North(centre, 1_000) };
        var ids = new List<Guid>();
        foreach (var (point, n) in reports.Select((p, n) => (p, n)))
            ids.Add(await app.TakeReport($"Lights out, report {n}", Place("By the lane", point.Latitude, point.Longitude)));
        var unpinned = await app.TakeReport("Lights out somewhere on the estate", new { description = "Somewhere on the estate" });
        await AgreeAsync(ids, reports);

        var problems = new List<GivenProblem>();
        foreach (var metres in new[] { 30, 60, 90, 120, 150, 200, 240 })
            problems.Add(await app.GivenProblem($"{metres} metres north", pin: North(centre, metres)));
        await AgreeAsync(ids, reports);
        await SettleAsync();
        (await KeptAsync(ids[0])).ShouldBe([.. problems.Take(InboxReports.NearbyCount).Select(p => p.Id)]);
        (await KeptAsync(unpinned)).ShouldBeNull();
        await AgreeAsync(ids, reports);

        // Each change is shown at once, kept problems or not, and kept once renewed.
        var nearest = await app.GivenProblem("Nearer than any", pin: North(centre, 5));
        await AgreeAsync(ids, reports, settle: true);
        await nearest.Then(new CloseProblem(Outcome.Resolved, "Lamp replaced."));
        await AgreeAsync(ids, reports, settle: true);
        await problems[1].Then(new ReviseDetails(null, null, null, null, new Location("Moved away", North(centre, 3_000).Latitude, centre.Longitude, null, null, null)));
        await AgreeAsync(ids, reports, settle: true);
        await problems[^1].Then(new ReviseDetails(null, null, null, null, new Location("Moved closer", North(centre, 1_010).Latitude, centre.Longitude, null, null, null)));
        await AgreeAsync(ids, reports, settle: true);
        await nearest.Then(new ReopenProblem("Dark again within the week."));
        await AgreeAsync(ids, reports, settle: true);
        (await app.InboxItem(ids[0])).Nearby.Select(n => n.ProblemId).ShouldBe([nearest.Id, problems[0].Id, problems[2].Id, problems[3].Id, problems[4].Id]);
        (await app.InboxItem(ids[2])).Nearby.Select(n => n.ProblemId).ShouldBe([problems[^1].Id]);
    }

    [Fact]
    public async Task A_page_reads_the_kept_problems_and_searches_afresh_only_around_a_pin_that_moved_since()
    {
        var centre = Somewhere();
        var report = await app.TakeReport("Lights out by the bridge", Place("By the bridge", centre.Latitude, centre.Longitude));
        var near = await app.GivenProblem("Twenty metres north", pin: North(centre, 20));
        var further = await app.GivenProblem("Eighty metres north", pin: North(centre, 80));
        await SettleAsync();
        (await KeptAsync(report)).ShouldBe([near.Id, further.Id]);

        // What is kept is what the page shows: here kept wrongly on purpose, so it shows.
        await ExecuteAsync($"update {InboxReports.Table} set {InboxReports.Nearby} = ? where {InboxReports.Id} = ?", new[] { further.Id }, report);
        (await app.InboxItem(report)).Nearby.Select(n => n.ProblemId).ShouldBe([further.Id]);

        // A pin moving within reach: the page searches afresh until the renewal has found the report's problems again.
        await app.GivenProblem("Fifty metres south", pin: North(centre, -50));
        var afresh = (await app.InboxItem(report)).Nearby;
        afresh.Select(n => n.Title).ShouldBe(["Twenty metres north", "Fifty metres south", "Eighty metres north"]);
        afresh.Select(n => (double)n.DistanceMetres).ShouldBe([20, 50, 80], tolerance: 1);
        await SettleAsync();
        (await KeptAsync(report))!.Length.ShouldBe(3);
        (await app.InboxItem(report)).Nearby.ShouldBe(afresh);
    }

    [Fact]
    public async Task Db_apply_pins_the_reports_kept_before_reports_had_pins()
    {
        var centre = Somewhere();
        var report = await app.TakeReport("Lights out by the ford", Place("By the ford", centre.Latitude, centre.Longitude));
        var problem = await app.GivenProblem("Ten metres north", pin: North(centre, 10));
        await ExecuteAsync($"update {InboxReports.Table} set {InboxReports.Pin} = null, {InboxReports.Nearby} = null where {InboxReports.Id} = ?", report);

        await InboxReports.RecountAsync(app.Store, CancellationToken.None);
        await SettleAsync();

        (await KeptAsync(report)).ShouldBe([problem.Id]);
        ((double)(await app.InboxItem(report)).Nearby.Single().DistanceMetres).ShouldBe(10, tolerance: 1);
    }

    /// <summary>Each report shows what a fresh search around its pin finds, nearest first, with the distances.</summary>
    private async Task AgreeAsync(IReadOnlyList<Guid> ids, IReadOnlyList<(double Latitude, double Longitude)> points, bool settle = false)
    {
        for (var pass = 0; pass < (settle ? 2 : 1); pass++)
        {
            if (pass == 1) await SettleAsync();
            await using var session = app.Store.QuerySession();
            foreach (var (id, point) in ids.Zip(points))
            {
                var found = await ProblemPlaces.NearbyAsync(session, point.Latitude, point.Longitude, InboxReports.NearbyMetres, InboxReports.NearbyCount,
                    CancellationToken.None);
                (await app.InboxItem(id)).Nearby.Select(n => (n.ProblemId, n.DistanceMetres))
                    .ShouldBe(found.Select(f => (f.ProblemId, f.DistanceMetres)), $"report {id}, pass {pass}");
            }
        }
    }

    /// <summary>Renews until no report waits to have its problems found and no moved pin waits to be dealt with.</summary>
    private async Task SettleAsync()
    {
        for (var tries = 0; tries < 200; tries++)
        {
            await InboxReports.RenewNearbyAsync(app.Store, NearbyRenewal.Batch, CancellationToken.None);
            await using var session = app.Store.QuerySession();
            var waiting = await session.ReadFirstAsync(
                $"""
                 select (select count(*) from {InboxReports.PinChanges})
                     + (select count(*) from {InboxReports.Table} where {InboxReports.Nearby} is null and {InboxReports.Pin} is not null)
                 """, r => r.GetInt64(0), CancellationToken.None);
            if (waiting == 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The inbox's nearby problems were still not renewed.");
    }

    private async Task<Guid[]?> KeptAsync(Guid report)
    {
        await using var session = app.Store.QuerySession();
        return await session.ReadFirstAsync($"select {InboxReports.Nearby} from {InboxReports.Table} where {InboxReports.Id} = ?",
            r => r.IsDBNull(0) ? null : r.GetFieldValue<Guid[]>(0), CancellationToken.None, report);
    }

    private async Task ExecuteAsync(string sql, params object?[] values)
    {
        await using var session = app.Store.LightweightSession();
        session.Queue(sql, values);
        await session.SaveChangesAsync();
    }
}
