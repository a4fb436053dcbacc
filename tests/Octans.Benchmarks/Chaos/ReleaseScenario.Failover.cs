namespace Octans.Benchmarks.Chaos;

public sealed partial class ReleaseScenario
{
    /// <summary>
    /// Clients write through nginx; at 6 s the first node is stopped as systemctl stops it, 8 s later started again, and
    /// the writing goes on 12 s after it is ready: nginx tries a failed node again only after its fail_timeout (10 s), so
    /// a node back sooner waits up to that long for its first write. Each node's share of the writes is read from nginx's log, before, during and after.
    /// </summary>
    private static async Task<IReadOnlyList<Finding>> FailoverAsync(ChaosContext context, NginxFront front, ReleaseNode[] nodes, RunbookDatabase database,
        CancellationToken cancellation)
    {
        using var client = front.Browser(Colleague);
        var token = await TokenAsync(client, cancellation);
        var problems = await ChaosContext.ProblemsForAsync(client, token, Clients, cancellation);
        var load = new WriteLoad([client], token);
        var unix = () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        var start = unix();
        using var stop = new CancellationTokenSource();
        var writing = load.RunAsync(problems, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(6), cancellation);
        var (stoppedAt, stoppedUnix) = (load.Now, unix());
        var stopping = await nodes[0].StopAsync(cancellation);
        var exitedUnix = unix();
        context.Say($"release: stopped the node on {nodes[0].Address} in {stopping.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, 8 - stopping.TotalSeconds)), cancellation);
        var (restartedAt, restartedUnix) = (load.Now, unix());
        var readyAgain = await nodes[0].StartAsync(cancellation);
        var (readyAt, readyUnix) = (load.Now, unix());
        context.Say($"release: started it again, ready in {readyAgain.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(12), cancellation);
        await stop.CancelAsync();
        await writing;

        var all = await front.RequestsPerNodeAsync("POST", start);
        var fromStop = await front.RequestsPerNodeAsync("POST", stoppedUnix);
        var fromExit = await front.RequestsPerNodeAsync("POST", exitedUnix);
        var fromRestart = await front.RequestsPerNodeAsync("POST", restartedUnix);
        var fromReady = await front.RequestsPerNodeAsync("POST", readyUnix);
        int Count(Dictionary<string, int> counts, ReleaseNode node) => counts.GetValueOrDefault($"{node.Address.Host}:{node.Address.Port}");
        var whileDown = Count(fromStop, nodes[1]) - Count(fromRestart, nodes[1]);
        var tally = await Tally.OfAsync(database.ConnectionString, load, cancellation);
        var failed = load.Failures.Sum(f => f.Value);
        return
        [
            Finding.Count("Writes acknowledged through nginx", tally.Acknowledged),
            new("Writes sent to each node before the stop", string.Join(" and ", nodes.Select(n => $"{Count(all, n) - Count(fromStop, n):#,0}"))),
            Finding.Count("Writes the node answered between SIGTERM and its exit (finishing what it had)", Count(fromStop, nodes[0]) - Count(fromExit, nodes[0])),
            new("Writes answered by the stopped node after it exited", $"{Count(fromExit, nodes[0]) - Count(fromRestart, nodes[0])}", "0",
                Count(fromExit, nodes[0]) == Count(fromRestart, nodes[0])),
            Finding.Count("Writes the other node took meanwhile", whileDown),
            new("Writes sent to each node once it was back", string.Join(" and ", nodes.Select(n => $"{Count(fromReady, n):#,0}")), "both take writes",
                nodes.All(n => Count(fromReady, n) > 0)),
            Finding.Seconds("Longest wait between acknowledged writes around the stop", load.LongestGap(stoppedAt - 1, restartedAt + 1)),
            Finding.Seconds("Longest wait between acknowledged writes around the restart", load.LongestGap(restartedAt - 1, readyAt + 2)),
            new("The stopped node: from SIGTERM to its exit, and from its start to ready", $"{stopping.TotalSeconds:0.0} s, {readyAgain.TotalSeconds:0.0} s"),
            Finding.Count("Tries answered 5xx or not at all, each sent again with its key", failed),
            Finding.Exactly("Acknowledged writes missing, or applied twice", tally.AcknowledgedMissing + tally.AppliedTwice, 0),
            Finding.Exactly("Writes never answered at the end", tally.SentNeverAnswered, 0),
        ];
    }
}
