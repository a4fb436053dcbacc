using System.Diagnostics;
using System.Text;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// ops/chaos: puts faults to Octans on purpose — the app killed, the database stopped, two nodes and a node lost in
/// the middle of a job — on a PostgreSQL cluster of its own, and writes what held to docs/reliability.md.
/// </summary>
public static class ChaosRun
{
    public const string Word = "chaos";

    private static readonly IScenario[] Scenarios = [new KillScenario(), new DatabaseStopScenario(), new TwoNodesScenario()];

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellation)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var output = args.SkipWhile(a => a != "--markdown").Skip(1).FirstOrDefault();
        if (words.Any(w => w != "all" && Scenarios.All(s => s.Name != w)))
        {
            Console.Error.WriteLine($"usage: ops/chaos [{string.Join("|", Scenarios.Select(s => s.Name))}|all] [--markdown FILE]");
            return 2;
        }
        var chosen = words.Count == 0 || words.Contains("all") ? Scenarios : Scenarios.Where(s => words.Contains(s.Name)).ToArray();

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = new List<(IScenario Scenario, IReadOnlyList<Finding> Findings)>();
        await using (var cluster = await ThrowawayCluster.CreateAsync(cancellation))
        await using (var bench = new BenchContext(cluster.Server, new BenchSettings(10, 1, 0, 0, [])))
        {
            var context = new ChaosContext(cluster, bench);
            foreach (var scenario in chosen)
            {
                context.Say($"{scenario.Name}: {scenario.Title}");
                var findings = await scenario.RunAsync(context, cancellation);
                foreach (var f in findings) context.Say($"{scenario.Name}: {f.Measure}: {f.Seen}{(f.Holds == false ? "  ← DOES NOT HOLD" : "")}");
                results.Add((scenario, findings));
            }
        }

        var report = Report(results, started, clock.Elapsed, args);
        Console.WriteLine(report);
        if (output is not null) await File.WriteAllTextAsync(output, report, cancellation);
        return results.SelectMany(r => r.Findings).Any(f => f.Holds == false) ? 1 : 0;
    }

    private static string Report(List<(IScenario Scenario, IReadOnlyList<Finding> Findings)> results, DateTimeOffset started, TimeSpan took, string[] args)
    {
        var text = new StringBuilder();
        text.AppendLine("# Octans reliability").AppendLine();
        text.AppendLine("""
            What Octans keeps when things go wrong, shown by putting the faults to it on purpose. `ops/chaos` makes a PostgreSQL
            cluster of its own (so stopping it harms nothing else), builds Octans in Release, runs each scenario against the app
            started as an operator starts it (Production, `db-apply` by the schema's owner first, then the app as its own role,
            pre-generated handlers), and writes this page. It is
            not part of `ops/test`; a promise that does not hold makes it exit 1. `ops/chaos kill|database|nodes` runs one scenario.
            """).AppendLine();
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        text.AppendLine($"Machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown"}), {Memory()} GB, {Environment.OSVersion}, .NET {Environment.Version}. " +
                        $"Date: {started:yyyy-MM-dd HH:mm} UTC, {took.TotalMinutes:0.0} minutes. Command: `{string.Join(' ', ["ops/chaos", .. args.TakeWhile(a => a != "--markdown")])}`.");
        foreach (var (scenario, findings) in results)
        {
            text.AppendLine().AppendLine($"## {scenario.Title} (`ops/chaos {scenario.Name}`)").AppendLine();
            text.AppendLine(scenario.Description).AppendLine();
            text.AppendLine("| what | seen | promise | holds |").AppendLine("| --- | ---: | --- | --- |");
            foreach (var f in findings)
                text.AppendLine($"| {f.Measure} | {f.Seen} | {f.Promise} | {f.Holds switch { true => "yes", false => "**no**", null => "" }} |");
        }
        return text.ToString();
    }

    private static string Memory()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) : null;
        return line is null ? "?" : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024 / 1024.0:0}";
    }
}
