using System.Diagnostics;
using System.Net;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// PostgreSQL stopped and started again under the same write load, the app left running: it should answer 503 while the
/// database is away and write again as soon as it is back, losing nothing it acknowledged.
/// </summary>
public sealed class PostgresRestartScenario : IChaosScenario
{
    public string Name => "postgres";

    public string Title => "PostgreSQL stopped and started under load";

    public string Description =>
        "The clients write for a while; PostgreSQL is stopped (`pg_ctl stop -m fast`: connections cut, open transactions rolled back), " +
        "left down, and started again, while the app keeps running. Clients send a write that was answered 503, or not answered, " +
        "again with the same key every 100 ms. Afterwards every write is looked for among the events and the read models are compared " +
        "with a rebuild from the events.";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, ChaosSettings settings, CancellationToken cancellation)
    {
        if (!settings.ControlsLocalCluster)
            return [new Figure("Not run: OCTANS_DB names a server ops/chaos does not manage, so it cannot stop it", 0, Unit.Count)];

        await using var database = await BenchDatabase.CreateAsync(context, "chaos_postgres", cancellation);
        await using var server = await OctansServer.StartReadyAsync(context, database.ConnectionString, cancellation, ChaosFigures.ErrorsOnly);
        using var http = KeyedWrites.Pool(server.Address);
        var writes = await KeyedWrites.SignInAsync(http, cancellation);
        var load = new ChaosLoad(writes, settings.Clients);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token, cancellation);

        await Task.Delay(settings.Load, cancellation);
        var stoppingAt = DateTimeOffset.UtcNow;
        DateTimeOffset startingAt, backAt;
        try
        {
            await LocalClusterAsync(context, "stop", cancellation);
            context.Say($"postgres: stopped PostgreSQL with {writes.Sent.Count(w => w.Acknowledged):#,0} writes acknowledged");
            await Task.Delay(settings.Down, cancellation);
        }
        finally
        {
            // Started again whatever happened, so the databases of the run can be dropped.
            startingAt = DateTimeOffset.UtcNow;
            await LocalClusterAsync(context, "start", CancellationToken.None);
            backAt = DateTimeOffset.UtcNow;
        }
        context.Say("postgres: PostgreSQL is accepting connections again");

        await Task.Delay(settings.Load, cancellation);
        stop.Cancel();
        await running;
        var restarted = server.HasExited;
        ChaosFigures.SayFailures(context, server, load);

        using var store = NationalDataset.OpenStore(database.ConnectionString);
        var tally = Tally.Of(writes.Sent.ToList(), await ChaosChecks.AppliedAsync(store, cancellation), stoppingAt);
        var answers = writes.Answers.ToList();
        var whileDown = answers.Where(a => a.At >= stoppingAt && a.At <= startingAt).ToList();
        // Measured from the moment PostgreSQL was asked to start, which is before it accepts connections: never flattering.
        var firstAgain = answers.Where(a => a.At > startingAt && (int)a.Status is >= 200 and < 300).Select(a => a.At).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        var writingAgain = firstAgain == DateTimeOffset.MaxValue ? double.PositiveInfinity : (firstAgain - startingAt).TotalSeconds;
        await server.DisposeAsync();
        var (differing, stale) = await ChaosChecks.AgainstRebuildAsync(store, cancellation);

        return
        [
            .. ChaosFigures.Writes(tally, settings, load),
            new Figure("Answers while PostgreSQL was stopping or down", whileDown.Count, Unit.Count,
                Note: $"{whileDown.Count(a => a.Status == HttpStatusCode.ServiceUnavailable):#,0} of them 503; down {settings.Down.TotalSeconds:0} s"),
            new Figure("… of which neither a success nor a 503", whileDown.Count(a => a.Status != HttpStatusCode.ServiceUnavailable && (int)a.Status is < 200 or >= 300),
                Unit.Count, Target: "0", Met: whileDown.All(a => a.Status == HttpStatusCode.ServiceUnavailable || (int)a.Status is >= 200 and < 300)),
            new Figure("From PostgreSQL being started again to the first write acknowledged", writingAgain, Unit.Seconds, Target: "< 5 s",
                Met: writingAgain < 5, Note: $"starting took {(backAt - startingAt).TotalSeconds:0.0} s of it (ops/db start, until it answers)"),
            new Figure("App restarts", restarted ? 1 : 0, Unit.Count, Target: "0", Met: !restarted, Note: "the same process throughout"),
            .. ChaosFigures.Retries(tally, "PostgreSQL stopped"),
            .. ChaosFigures.ReadModels(differing, stale),
        ];
    }

    /// <summary>ops/db stop or start, on the cluster ops/chaos started, which is the one OCTANS_DB points at.</summary>
    private static async Task LocalClusterAsync(BenchContext context, string command, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Path.Combine(context.RepositoryRoot, "ops", "db"), command)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = context.RepositoryRoot,
        };
        start.Environment.Remove("OCTANS_DB");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ops/db {command} failed with exit code {process.ExitCode}:\n{await output}\n{await errors}");
    }
}
