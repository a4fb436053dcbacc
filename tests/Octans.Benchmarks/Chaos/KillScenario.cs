namespace Octans.Benchmarks.Chaos;

/// <summary>
/// kill -9 of the app under a write load whose clients send every write with an Idempotency-Key and send it again until
/// it is answered; the app is started again on the same address, and the load carries on.
/// </summary>
public sealed class KillScenario : IChaosScenario
{
    public string Name => "kill";

    public string Title => "kill -9 of the app under load";

    public string Description =>
        "The clients write for a while; the app is killed with SIGKILL, with writes in flight and their transactions open, and started " +
        "again on the same address from the same database. Each client sends the write it was in again, the same key and the same " +
        "bytes, every 100 ms until it is answered, then carries on. Afterwards every write is looked for among the events by the marker " +
        "in its text, and the read models are compared with a rebuild from the events.";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, ChaosSettings settings, CancellationToken cancellation)
    {
        await using var database = await BenchDatabase.CreateAsync(context, "chaos_kill", cancellation);
        var server = await OctansServer.StartReadyAsync(context, database.ConnectionString, cancellation, ChaosFigures.ErrorsOnly);
        try
        {
            using var http = KeyedWrites.Pool(server.Address);
            var writes = await KeyedWrites.SignInAsync(http, cancellation);
            var load = new ChaosLoad(writes, settings.Clients);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(stop.Token, cancellation);

            await Task.Delay(settings.Load, cancellation);
            var killedAt = DateTimeOffset.UtcNow;
            await server.KillAsync();
            // Every event appended before this instant was committed by the killed process.
            var deadAt = DateTimeOffset.UtcNow;
            var inFlight = writes.Sent.Count(w => w.Status is null);
            context.Say($"kill: killed the app with {writes.Sent.Count(w => w.Acknowledged):#,0} writes acknowledged and {inFlight} in flight");
            var address = server.Address;
            await server.DisposeAsync();
            server = await OctansServer.StartReadyAsync(context, database.ConnectionString, cancellation, ChaosFigures.ErrorsOnly, address);
            var ready = DateTimeOffset.UtcNow - killedAt;
            context.Say($"kill: the app was ready again {ready.TotalSeconds:0.0} s after the kill");

            await Task.Delay(settings.Load, cancellation);
            stop.Cancel();
            await running;
            ChaosFigures.SayFailures(context, server, load);
            await server.DisposeAsync();

            using var store = NationalDataset.OpenStore(database.ConnectionString);
            var sent = writes.Sent.ToList();
            var tally = Tally.Of(sent, await ChaosChecks.AppliedAsync(store, cancellation), deadAt);
            var (differing, stale) = await ChaosChecks.AgainstRebuildAsync(store, cancellation);
            var firstAgain = writes.Answers.Where(a => a.At > deadAt && (int)a.Status is >= 200 and < 300).Select(a => a.At).DefaultIfEmpty(killedAt).Min();

            return
            [
                .. ChaosFigures.Writes(tally, settings, load),
                new Figure("Writes in flight at the kill", inFlight, Unit.Count, Note: "sent, not yet answered"),
                .. ChaosFigures.Retries(tally, "the kill"),
                new Figure("From the kill to the app ready again", ready.TotalSeconds, Unit.Seconds, Note: "a new process: start-up and /health/ready"),
                new Figure("From the kill to the first write acknowledged again", (firstAgain - killedAt).TotalSeconds, Unit.Seconds),
                .. ChaosFigures.ReadModels(differing, stale),
            ];
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
