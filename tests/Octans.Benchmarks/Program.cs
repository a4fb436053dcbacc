using System.Globalization;
using System.Reflection;
using System.Text;
using Octans.Benchmarks;

// dotnet run -c Release --project tests/Octans.Benchmarks -- writes|history|reads|intake|rebuild|coldstart|pages|pack|all [options]
//
// Each measurement is a class of its own implementing IMeasurement, found here by the word it answers to, so adding
// one is adding a file.
if (args is [ColdStartBenchmark.DoNothing]) return 0;
if (args is [PackMeasurement.PeakChild, var packDatabase]) return await PackMeasurement.PeakChildAsync(packDatabase);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is [Octans.Benchmarks.Chaos.ChaosRun.Word, .. var scenarios]) return await Octans.Benchmarks.Chaos.ChaosRun.RunAsync(scenarios, CancellationToken.None);

var measurements = typeof(IMeasurement).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMeasurement).IsAssignableFrom(t))
    .Select(t => (IMeasurement)Activator.CreateInstance(t)!)
    .OrderBy(m => m.Order)
    .ToList();
string[] known = [.. measurements.Select(m => m.Name), "all"];

var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var keepNational = args.Contains("--keep-national");
var keyed = args.Contains("--keyed");
var options = args.Skip(words.Count).Where(a => a is not ("--keep-national" or "--keyed")).ToList();
if (words.Count == 0 || words.Any(w => !known.Contains(w)) || options.Count % 2 == 1)
{
    Console.Error.WriteLine($"""
        usage: dotnet run -c Release --project tests/Octans.Benchmarks -- {string.Join("|", known)} [...]
               [--seconds 10] [--clients 1,8,32] [--scale 1] [--samples 400] [--cold-starts 3] [--markdown FILE]
               [--keep-national | --reuse-national NAME] [--keyed]
          writes, history, reads, intake, rebuild, coldstart, pages, pack: one measurement each; all: every one, in the order of the table
          --seconds      length of each concurrency level of the write run
          --clients      the concurrency levels of the write run
          --scale        fraction of the national dataset (1 = 10,000 problems, about 1,000,000 events)
          --samples      requests timed per read endpoint
          --cold-starts  cold starts timed (the median is reported)
          --markdown     also write the table to FILE
          --keyed        every write of the write run carries an Idempotency-Key
          --keep-national, --reuse-national NAME   for development: keep the loaded national database, or use a kept one
                         (a rebuild rewrites its documents, so reuse it for reads)
        The server is OCTANS_DB (ops/bench starts the local cluster and sets it); every measurement makes its own databases there.
        """);
    return 2;
}

string? Option(string name) => options.Select((o, i) => (o, i)).Where(x => x.o == name && x.i % 2 == 0).Select(x => options[x.i + 1]).FirstOrDefault();
double Number(string name, double fallback) => Option(name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
var clients = (Option("--clients") ?? "1,8,32").Split(',').Select(int.Parse).ToList();
var settings = new BenchSettings(Number("--seconds", 10), Number("--scale", 1), (int)Number("--samples", 400), (int)Number("--cold-starts", 3), clients,
    keepNational, Option("--reuse-national"), keyed);

var server = Environment.GetEnvironmentVariable("OCTANS_DB");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("Set OCTANS_DB to the PostgreSQL server to measure against, or run ops/bench, which starts the local cluster.");
    return 2;
}

var chosen = words.Contains("all") ? measurements : measurements.Where(m => words.Contains(m.Name)).ToList();
var results = new List<(IMeasurement Measurement, IReadOnlyList<Figure> Figures)>();
using var stop = new CancellationTokenSource();
// The first Ctrl+C stops the measurement and drops its databases; a second one ends the process at once.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};
var started = DateTimeOffset.Now;
await using (var context = new BenchContext(server, settings))
{
    foreach (var measurement in chosen)
    {
        context.Say($"{measurement.Name}: {measurement.Description}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        results.Add((measurement, await measurement.RunAsync(context, stop.Token)));
        context.Say($"{measurement.Name}: done in {clock.Elapsed.TotalSeconds:0} s");
    }
}

var table = Table(results, settings, started, args);
Console.WriteLine(table);
if (Option("--markdown") is { } file) await File.WriteAllTextAsync(file, table);
return results.SelectMany(r => r.Figures).Any(f => f.Met == false) ? 1 : 0;

static string Table(List<(IMeasurement Measurement, IReadOnlyList<Figure> Figures)> results, BenchSettings settings, DateTimeOffset started,
    string[] args)
{
    var text = new StringBuilder();
    text.AppendLine($"Octans benchmarks, {started:yyyy-MM-dd HH:mm} — {Environment.ProcessorCount} cores, load average at the end {LoadAverage()}, " +
                    $"`{string.Join(' ', args)}`");
    text.AppendLine();
    text.AppendLine("| measure | Octans | floor | floor is | ratio | target | met | note |");
    text.AppendLine("| --- | ---: | ---: | --- | ---: | --- | --- | --- |");
    foreach (var (measurement, figures) in results)
    {
        text.AppendLine($"| **{measurement.Name}** | | | | | | | `ops/bench {measurement.Name}` |");
        foreach (var f in figures)
        {
            var floor = f.Floor is { } value ? Figure.Format(value, f.Unit) : "";
            var ratio = f.Ratio is { } r ? $"{r:0.00}×" : "";
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            text.AppendLine($"| {f.Measure} | {Figure.Format(f.Value, f.Unit)} | {floor} | {f.FloorIs} | {ratio} | {f.Target} | {met} | {f.Note} |");
        }
    }
    return text.ToString();
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
