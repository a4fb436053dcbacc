namespace Octans.Benchmarks.Chaos;

/// <summary>PostgreSQL stopped and started again under load, the app left running.</summary>
public sealed class DatabaseStopScenario : IScenario
{
    private const int Clients = 8;
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(6);

    public string Name => "database";
    public string Title => "PostgreSQL stopped under load";
    public string Description =>
        $"{Clients} clients write with idempotency keys; after 3 s PostgreSQL is stopped (a fast shutdown: every connection cut) and " +
        $"started again {Down.TotalSeconds:0} s later. The app is not touched. Clients send again what got no answer or a 5xx.";

    public async Task<IReadOnlyList<Finding>> RunAsync(ChaosContext context, CancellationToken cancellation)
    {
        await using var database = await context.NewDatabaseAsync(Name, cancellation);
        await using var server = await context.StartAsync(database, cancellation);
        using var http = ChaosContext.Client(server.Address);
        var token = await ChaosContext.SignInAsync(http, cancellation);
        var problems = await ChaosContext.ProblemsForAsync(http, token, Clients, cancellation);
        var processId = server.ProcessId;

        var load = new WriteLoad([http], token);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(16));
        var running = load.RunAsync(problems, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
        await context.Cluster.StopAsync(cancellation);
        context.Say("database: PostgreSQL stopped");
        await Task.Delay(Down, cancellation);
        await context.Cluster.StartAsync(cancellation);
        var backAt = load.Now;
        context.Say("database: PostgreSQL started again");
        await running;

        var tally = await Tally.OfAsync(database.ConnectionString, load, cancellation);
        var otherFailures = load.Failures.Where(f => f.Key != "503").Sum(f => f.Value);
        return
        [
            Finding.Count("Writes acknowledged", tally.Acknowledged),
            new("Answers while PostgreSQL was down", $"{load.Failed("503"):#,0} × 503", "503", load.Failed("503") > 0),
            Finding.Exactly("Other failed answers (5xx but 503, or no answer)", otherFailures, 0),
            Finding.Seconds("First acknowledged write after PostgreSQL was back", load.FirstSuccessAfter(backAt), atMost: 5),
            new("The app's process", server.HasExited ? "exited" : "the same, never restarted", "never restarted",
                !server.HasExited && server.ProcessId == processId),
            Finding.Exactly("Acknowledged writes missing from the event store", tally.AcknowledgedMissing, 0),
            Finding.Exactly("Writes applied twice", tally.AppliedTwice, 0),
            Finding.Exactly("Writes never answered at the end", tally.SentNeverAnswered, 0),
        ];
    }
}
