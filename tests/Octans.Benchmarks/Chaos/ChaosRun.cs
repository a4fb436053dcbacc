using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// ops/chaos: puts Octans through each fault under a write load and writes what became of the writes, with the command,
/// the machine and the date, as the page docs/reliability.md.
/// </summary>
public static class ChaosRun
{
    private static readonly IChaosScenario[] Scenarios = [new KillScenario(), new PostgresRestartScenario()];

    public static async Task<int> RunAsync(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).DefaultIfEmpty("all").ToList();
        var options = args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var localCluster = options.Remove("--local-cluster");
        string? Option(string name) => options.IndexOf(name) is var i and >= 0 && i + 1 < options.Count ? options[i + 1] : null;
        var server = Environment.GetEnvironmentVariable("OCTANS_DB");
        if (words.Any(w => w != "all" && Scenarios.All(s => s.Name != w)) || options.Count % 2 == 1 || string.IsNullOrWhiteSpace(server))
        {
            Console.Error.WriteLine($"""
                usage: ops/chaos [{string.Join("|", Scenarios.Select(s => s.Name))}|all] [--clients 32] [--seconds 10] [--down-seconds 5] [--markdown FILE]
                  kill      kill -9 of the app under load, restarted; clients send unanswered writes again with their keys
                  postgres  PostgreSQL stopped and started under load, the app left running (only on the cluster ops/chaos starts)
                  --seconds how long the load runs before the fault and again after it
                OCTANS_DB is the PostgreSQL server; ops/chaos starts the local cluster and sets it.
                """);
            return 2;
        }

        var settings = new ChaosSettings(int.Parse(Option("--clients") ?? "32", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Option("--seconds") ?? "10", CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Option("--down-seconds") ?? "5", CultureInfo.InvariantCulture)), localCluster);
        var chosen = words.Contains("all") ? Scenarios : Scenarios.Where(s => words.Contains(s.Name)).ToArray();
        var started = DateTimeOffset.UtcNow;
        var loadBefore = LoadAverage();
        var clock = Stopwatch.StartNew();
        var results = new List<(IChaosScenario Scenario, IReadOnlyList<Figure> Figures)>();
        await using (var context = new BenchContext(server!, new BenchSettings(10, 1, 0, 0, [settings.Clients])))
        {
            foreach (var scenario in chosen)
            {
                context.Say($"{scenario.Name}: {scenario.Title}");
                results.Add((scenario, await scenario.RunAsync(context, settings, CancellationToken.None)));
            }
        }

        var page = Page(results, args, settings, started, loadBefore, clock.Elapsed);
        Console.WriteLine(page);
        if (Option("--markdown") is { } file) await File.WriteAllTextAsync(file, page);
        return results.SelectMany(r => r.Figures).Any(f => f.Met == false) ? 1 : 0;
    }

    private static string Page(List<(IChaosScenario Scenario, IReadOnlyList<Figure> Figures)> results, string[] args, ChaosSettings settings,
        DateTimeOffset started, string loadBefore, TimeSpan took)
    {
        var text = new StringBuilder();
        text.AppendLine("# Reliability");
        text.AppendLine();
        text.AppendLine("What becomes of writes when Octans or its database fails under load. `ops/chaos` puts a running Octans through each " +
                        "fault and rewrites this page; every figure below is from the one run it names. The clients send every write with an " +
                        "`Idempotency-Key` (docs/architecture.md, \"A write sent again\"), as the API asks of phones on a weak signal.");
        text.AppendLine();
        var command = string.Join(' ', args.Where(a => a != "--local-cluster" && a != "--markdown" && !a.EndsWith(".md", StringComparison.Ordinal)));
        text.AppendLine($"Run {started:yyyy-MM-dd HH:mm} UTC, `ops/chaos {command}`, in {took.TotalMinutes:0.0} minutes, on {Machine()}; " +
                        $"load average {loadBefore} before and {LoadAverage()} after{Shared(loadBefore)}. {settings.Clients} clients wrote for " +
                        $"{settings.Load.TotalSeconds:0} s before each fault and {settings.Load.TotalSeconds:0} s after it; PostgreSQL was down for " +
                        $"{settings.Down.TotalSeconds:0} s.");
        foreach (var (scenario, figures) in results)
        {
            text.AppendLine();
            text.AppendLine($"## {scenario.Title}");
            text.AppendLine();
            text.AppendLine(scenario.Description);
            text.AppendLine();
            text.AppendLine("| measure | value | target | met | note |");
            text.AppendLine("| --- | ---: | --- | --- | --- |");
            foreach (var f in figures)
            {
                var met = f.Met switch { true => "yes", false => "**no**", null => "" };
                text.AppendLine($"| {f.Measure} | {Figure.Format(f.Value, f.Unit)} | {f.Target} | {met} | {f.Note} |");
            }
        }
        return text.ToString();
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var gigabytes = memory is null ? "" : $", {long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0} GB";
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores{gigabytes}, {RuntimeInformation.OSDescription}";
    }

    private static string Shared(string loadAverage) =>
        double.TryParse(loadAverage.Split(' ')[0], CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount
            ? " (other work shared the machine)" : "";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
