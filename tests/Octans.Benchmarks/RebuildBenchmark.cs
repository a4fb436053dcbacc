using System.Diagnostics;
using Marten;
using Npgsql;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;

namespace Octans.Benchmarks;

/// <summary>
/// Rebuilds the problems' snapshot (Marten's projection daemon) and every read model (played from the events) from the
/// national event store, beside the floor of reading every event row in order over Npgsql.
/// </summary>
public sealed class RebuildBenchmark : IMeasurement
{
    public string Name => "rebuild";
    public int Order => 40;
    public string Description => "projection rebuild from about 1,000,000 events";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var national = await context.NationalAsync(cancellation);
        var figures = new List<Figure>
        {
            new("National load: events by bulk COPY, snapshots bulk inserted, read models played", national.Events / national.LoadTime.TotalSeconds,
                Unit.PerSecond, Note: $"{national.Events:#,0} events, {national.ProblemIds.Count:#,0} problems, {national.Actions:#,0} actions in " +
                                     $"{national.LoadTime.TotalSeconds:0.0} s, of which {national.GenerateTime.TotalSeconds:0.0} s deciding the histories"),
        };

        var floor = await ReadEveryEventAsync(national, cancellation);
        context.Say($"rebuild: floor: every event read in order at {floor:#,0}/s");

        using var store = NationalDataset.OpenStore(national.Database.ConnectionString);
        var before = await CountAsync(store, cancellation);

        // The decisions' snapshot, rebuilt by Marten's projection daemon.
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(typeof(ProblemProjection), TimeSpan.FromMinutes(10), cancellation);
            figures.Add(Rebuilt(context, "ProblemProjection (the decisions' snapshot)", national, clock.Elapsed, floor));
        }

        // Every read model, played from the events in one transaction.
        var played = Stopwatch.StartNew();
        await ProblemReadModels.RebuildAsync(store, cancellation);
        figures.Add(Rebuilt(context, "ProblemReadModels (every read model)", national, played.Elapsed, floor));

        var after = await CountAsync(store, cancellation);
        if (after != before)
            throw new InvalidOperationException($"The rebuild left {after.Problems:#,0} problems, {after.Rows:#,0} rows and {after.Tasks:#,0} tasks; " +
                                                $"the load had {before.Problems:#,0}, {before.Rows:#,0} and {before.Tasks:#,0}.");
        return figures;
    }

    private static Figure Rebuilt(BenchContext context, string name, NationalDataset national, TimeSpan took, double floor)
    {
        var rate = national.Events / took.TotalSeconds;
        context.Say($"rebuild: {name}: {national.Events:#,0} events in {took.TotalSeconds:0.0} s = {rate:#,0}/s");
        return new Figure($"Rebuild {name}", rate, Unit.PerSecond, floor, "read every event", "≥ 20,000/s", rate >= 20_000, $"{took.TotalSeconds:0.0} s");
    }

    private static async Task<(int Problems, int Rows, int Tasks)> CountAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var problems = await session.Query<Problem>().CountAsync(cancellation);
        var rows = await session.ReadFirstAsync($"select count(*)::int from {ProblemRows.Table}", r => r.GetInt32(0), cancellation);
        var tasks = await session.ReadFirstAsync($"select count(*)::int from {TeamTasks.Table}", r => r.GetInt32(0), cancellation);
        return (problems, rows, tasks);
    }

    private static async Task<double> ReadEveryEventAsync(NationalDataset national, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(national.Database.ConnectionString);
        await connection.OpenAsync(cancellation);
        var clock = Stopwatch.StartNew();
        await using var read = new NpgsqlCommand("select seq_id, stream_id, type, data from octans.mt_events order by seq_id", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellation);
        long count = 0;
        while (await reader.ReadAsync(cancellation))
        {
            reader.GetString(3);
            count++;
        }
        return count / clock.Elapsed.TotalSeconds;
    }
}
