namespace Octans.Benchmarks.Chaos;

/// <summary>A fault to put Octans through, chosen on the ops/chaos command line by its <see cref="Name"/>.</summary>
public interface IChaosScenario
{
    string Name { get; }
    string Title { get; }
    string Description { get; }
    Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, ChaosSettings settings, CancellationToken cancellation);
}

/// <param name="Clients">Clients writing at once.</param>
/// <param name="Load">How long the load runs before the fault, and again after it.</param>
/// <param name="Down">How long PostgreSQL stays stopped.</param>
/// <param name="ControlsLocalCluster">ops/chaos started the local cluster, so it may stop and start it.</param>
public sealed record ChaosSettings(int Clients, TimeSpan Load, TimeSpan Down, bool ControlsLocalCluster);

/// <summary>The figures every scenario reports, in the same words.</summary>
public static class ChaosFigures
{
    /// <summary>The app logs errors only, so the last lines it wrote still hold the cause of an unexpected answer.</summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorsOnly = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Error" };

    /// <summary>After unexpected answers, the errors the app logged for its requests, to say why.</summary>
    public static void SayFailures(BenchContext context, OctansServer server, ChaosLoad load)
    {
        if (load.Unexpected == 0) return;
        var lines = server.LastOutput.Split('\n');
        for (var i = 0; i < lines.Length - 2; i++)
            if (lines[i].StartsWith("fail: Octans", StringComparison.Ordinal)) context.Say($"the app: {lines[i + 1].Trim()}: {lines[i + 2].Trim()}");
    }

    public static IEnumerable<Figure> Writes(Tally tally, ChaosSettings settings, ChaosLoad load)
    {
        yield return new Figure("Writes acknowledged", tally.Acknowledged, Unit.Count,
            Note: $"{tally.Sent:#,0} sent with keys by {settings.Clients} clients: reports, notes, planned and completed actions");
        yield return new Figure("Acknowledged writes missing from the events", tally.Missing, Unit.Count, Target: "0", Met: tally.Missing == 0);
        yield return new Figure("Writes applied more than once", tally.AppliedTwice, Unit.Count, Target: "0", Met: tally.AppliedTwice == 0);
        yield return new Figure("Answers neither a success nor a 503, or no answer in 2 minutes", load.Unexpected, Unit.Count, Target: "0",
            Met: load.Unexpected == 0, Note: "each client writes only its own problems, so a 409 would mean a write applied twice");
        yield return new Figure("Writes never acknowledged but applied", tally.UnacknowledgedApplied, Unit.Count, Target: "0",
            Met: tally.UnacknowledgedApplied == 0);
    }

    public static IEnumerable<Figure> Retries(Tally tally, string fault)
    {
        yield return new Figure("Writes sent again, the same key and bytes, until answered", tally.Retried, Unit.Count,
            Note: "no answer, or a 503, at the first attempt");
        yield return new Figure("… of them applied exactly once", tally.RetriedAppliedOnce, Unit.Count, Target: $"all {tally.Retried:#,0}",
            Met: tally.RetriedAppliedOnce == tally.Retried);
        yield return new Figure($"… of them committed before {fault}, answered again from their key", tally.RetriedCommittedBeforeTheFault, Unit.Count,
            Note: "without the key these would have been a 409 or a second problem");
    }

    public static IEnumerable<Figure> ReadModels(int tablesDiffering, int staleSnapshots)
    {
        yield return new Figure("Read-model tables differing from a rebuild from the events", tablesDiffering, Unit.Count, Target: "0",
            Met: tablesDiffering == 0, Note: "8 tables, every row compared");
        yield return new Figure("Problem snapshots not at their stream's version", staleSnapshots, Unit.Count, Target: "0", Met: staleSnapshots == 0);
    }
}
