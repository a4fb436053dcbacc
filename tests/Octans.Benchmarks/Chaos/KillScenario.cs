namespace Octans.Benchmarks.Chaos;

/// <summary>
/// kill -9 of the app under a 32-client write load, a restart on the same address, and the clients retrying what
/// went unanswered with the same Idempotency-Key.
/// </summary>
public sealed class KillScenario : IScenario
{
    private const int Clients = 32;

    public string Name => "kill";
    public string Title => "The app killed under load";
    public string Description =>
        $"{Clients} clients write notes and reports with idempotency keys; after 4 s the app gets SIGKILL, and a new one starts on the " +
        "same address a second later. Every write that got no answer is sent again with its key until answered. Then the event store " +
        "is counted against what the clients were told, and every read model is rebuilt from the events and compared.";

    public async Task<IReadOnlyList<Finding>> RunAsync(ChaosContext context, CancellationToken cancellation)
    {
        await using var database = await context.NewDatabaseAsync(Name, cancellation);
        var first = await context.StartAsync(database, cancellation);
        await using var _ = first;
        using var http = ChaosContext.Client(first.Address);
        var token = await ChaosContext.SignInAsync(http, cancellation);
        var problems = await ChaosContext.ProblemsForAsync(http, token, Clients, cancellation);

        var load = new WriteLoad([http], token);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(14));
        var running = load.RunAsync(problems, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(4), cancellation);
        var beforeKill = load.Acknowledged;
        first.KillNow();
        var killedAt = load.Now;
        context.Say($"kill: SIGKILL after {beforeKill:#,0} acknowledged writes");
        await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
        var restartedAt = load.Now;
        await using var second = await context.StartAsync(database, cancellation, address: first.Address);
        var readyIn = load.Now - restartedAt;
        await running;
        context.Say($"kill: {load.Acknowledged:#,0} acknowledged, {load.Retried:#,0} sent again; checking the event store");

        var tally = await Tally.OfAsync(database.ConnectionString, load, cancellation);
        var changed = await ReadModelCheck.TablesARebuildChangesAsync(database.ConnectionString, cancellation);
        return
        [
            Finding.Count("Writes acknowledged (notes and reports)", tally.Acknowledged),
            Finding.Count("of them before the kill", beforeKill),
            Finding.Count("Writes sent again after no answer or a 5xx", load.Retried),
            Finding.Exactly("Acknowledged writes missing from the event store", tally.AcknowledgedMissing, 0),
            Finding.Exactly("Writes applied twice", tally.AppliedTwice, 0),
            Finding.Exactly("Writes never answered at the end", tally.SentNeverAnswered, 0),
            Finding.Exactly("Retries answered 409 or another 4xx", load.Surprises, 0),
            Finding.Seconds("Restarted app ready", readyIn),
            Finding.Seconds("First acknowledged write after the kill", load.FirstSuccessAfter(killedAt)),
            new("Read models a rebuild from the events changes", changed.Count == 0 ? "none" : string.Join(", ", changed), "none", changed.Count == 0),
        ];
    }
}
