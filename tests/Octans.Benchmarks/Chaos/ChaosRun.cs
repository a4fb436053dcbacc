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

    private static readonly IScenario[] Scenarios = [new KillScenario(), new DatabaseStopScenario(), new TwoNodesScenario(), new ReleaseScenario()];

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

        var earlier = output is not null && File.Exists(output) ? await File.ReadAllTextAsync(output, cancellation) : null;
        var report = Report(results, started, clock.Elapsed, args, earlier);
        Console.WriteLine(report);
        if (output is not null) await File.WriteAllTextAsync(output, report, cancellation);
        return results.SelectMany(r => r.Findings).Any(f => f.Holds == false) ? 1 : 0;
    }

    /// <summary>
    /// The page: a section per scenario, each saying on what machine and when it ran. Scenarios not run this time keep
    /// their section from <paramref name="earlier"/>, so one scenario can be run again alone.
    /// </summary>
    private static string Report(List<(IScenario Scenario, IReadOnlyList<Finding> Findings)> results, DateTimeOffset started, TimeSpan took, string[] args,
        string? earlier)
    {
        var text = new StringBuilder();
        text.AppendLine("# Octans reliability").AppendLine();
        text.AppendLine("""
            What Octans keeps when things go wrong, shown by putting the faults to it on purpose. `ops/chaos` makes a PostgreSQL
            cluster of its own (so stopping it harms nothing else), builds Octans in Release, runs each scenario against the app
            started as an operator starts it (Production, `db-apply` by the schema's owner first, then the app as its own role,
            pre-generated handlers; the last scenario from the release tarball itself, behind nginx), and writes this page. It is
            not part of `ops/test`; a promise that does not hold makes it exit 1. `ops/chaos kill|database|nodes|release` runs one
            scenario and rewrites its section alone.
            """);
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        var machine = $"Machine: {Environment.ProcessorCount} cores ({cpu ?? "unknown"}), {Memory()} GB, {Environment.OSVersion}, .NET {Environment.Version}. " +
                      $"Date: {started:yyyy-MM-dd HH:mm} UTC, {took.TotalMinutes:0.0} minutes. Command: `{string.Join(' ', ["ops/chaos", .. args.TakeWhile(a => a != "--markdown")])}`.";
        var kept = Sections(earlier);
        foreach (var scenario in Scenarios)
        {
            if (results.FirstOrDefault(r => r.Scenario == scenario) is not ({ } run, { } findings))
            {
                if (kept.TryGetValue(scenario.Name, out var section)) text.AppendLine().Append(section);
                continue;
            }
            text.AppendLine().AppendLine($"## {run.Title} (`ops/chaos {run.Name}`)").AppendLine();
            text.AppendLine(machine).AppendLine();
            text.AppendLine(run.Description).AppendLine();
            text.AppendLine("| what | seen | promise | holds |").AppendLine("| --- | ---: | --- | --- |");
            foreach (var f in findings)
                text.AppendLine($"| {f.Measure} | {f.Seen} | {f.Promise} | {f.Holds switch { true => "yes", false => "**no**", null => "" }} |");
        }
        return text.ToString();
    }

    /// <summary>The sections of an earlier page by scenario, each with the machine line it ran with (once the page's own).</summary>
    private static Dictionary<string, string> Sections(string? earlier)
    {
        var sections = new Dictionary<string, string>();
        if (earlier is null) return sections;
        var parts = earlier.Replace("\r\n", "\n").Split("\n## ");
        var pageMachine = parts[0].Split('\n').FirstOrDefault(l => l.StartsWith("Machine:", StringComparison.Ordinal));
        foreach (var part in parts.Skip(1))
        {
            var heading = part[..part.IndexOf('\n')];
            if (Scenarios.FirstOrDefault(s => heading.EndsWith($"(`ops/chaos {s.Name}`)", StringComparison.Ordinal)) is not { } scenario) continue;
            var body = part[(heading.Length + 1)..].Trim('\n');
            if (!body.StartsWith("Machine:", StringComparison.Ordinal) && pageMachine is not null) body = pageMachine + "\n\n" + body;
            sections[scenario.Name] = $"## {heading}\n\n{body}\n";
        }
        return sections;
    }

    private static string Memory()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) : null;
        return line is null ? "?" : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024 / 1024.0:0}";
    }
}
