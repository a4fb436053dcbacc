using System.Diagnostics;
using Marten;
using Npgsql;
using Octans.Api.Problems;
using Octans.Api.Teams.TaskList;
using Octans.Domain;

namespace Octans.Benchmarks;

/// <summary>
/// Rebuilds each of Octans' projections (the problem snapshot and the team task list) from the national event store
/// with Marten's projection daemon, beside the floor of reading every event row in order over Npgsql.
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
            new("National load: events appended by bulk COPY, problems and tasks bulk inserted", national.Events / national.LoadTime.TotalSeconds,
                Unit.PerSecond, Note: $"{national.Events:#,0} events, {national.ProblemIds.Count:#,0} problems, {national.Actions:#,0} actions in " +
                                     $"{national.LoadTime.TotalSeconds:0.0} s, of which {national.GenerateTime.TotalSeconds:0.0} s deciding the histories"),
        };

        var floor = await ReadEveryEventAsync(national, cancellation);
        context.Say($"rebuild: floor: every event read in order at {floor:#,0}/s");

        using var store = NationalDataset.OpenStore(national.Database.ConnectionString);
        var problems = await CountAsync<Problem>(store, cancellation);
        var tasks = await CountAsync<TeamTask>(store, cancellation);
        foreach (var projection in new[] { typeof(ProblemProjection), typeof(TeamTaskProjection) })
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(10), cancellation);
            clock.Stop();
            var rate = national.Events / clock.Elapsed.TotalSeconds;
            context.Say($"rebuild: {projection.Name}: {national.Events:#,0} events in {clock.Elapsed.TotalSeconds:0.0} s = {rate:#,0}/s");
            figures.Add(new Figure($"Rebuild {projection.Name}", rate, Unit.PerSecond, floor, "read every event", "≥ 20,000/s", rate >= 20_000,
                $"{clock.Elapsed.TotalSeconds:0.0} s"));
        }

        var rebuiltProblems = await CountAsync<Problem>(store, cancellation);
        var rebuiltTasks = await CountAsync<TeamTask>(store, cancellation);
        if (rebuiltProblems != problems || rebuiltTasks != tasks)
            throw new InvalidOperationException($"The rebuild left {rebuiltProblems:#,0} problems and {rebuiltTasks:#,0} tasks; the load had {problems:#,0} and {tasks:#,0}.");
        return figures;
    }

    private static async Task<int> CountAsync<T>(IDocumentStore store, CancellationToken cancellation) where T : notnull
    {
        await using var session = store.QuerySession();
        return await session.Query<T>().CountAsync(cancellation);
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
