using System.Diagnostics;
using System.Net;

namespace Octans.Benchmarks;

/// <summary>
/// From starting the Octans process (Production, pre-generated handlers) to its first successful /health/ready, and
/// on to its first successful write (sign in, report a problem), beside the floor of starting the .NET runtime on a
/// program that does nothing. The median of several starts is reported.
/// </summary>
public sealed class ColdStartBenchmark : IMeasurement
{
    public const string DoNothing = "--do-nothing";

    public string Name => "coldstart";
    public int Order => 20;
    public string Description => "cold start to ready and to the first write";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var database = await BenchDatabase.CreateAsync(context, "coldstart", cancellation);
        var ready = new List<double>();
        var firstWrite = new List<double>();
        var runtime = new List<double>();
        var idle = new List<double>();
        var compiled = false;
        // The first start also seeds the accounts and the signing key, which later starts find in place.
        for (var run = 0; run <= context.Settings.ColdStarts; run++)
        {
            runtime.Add(await StartDoingNothingAsync(cancellation));
            await using var server = OctansServer.Start(context, database.ConnectionString);
            var toReady = await server.WaitUntilReadyAsync(cancellation);
            using var http = OctansClient.Pool(server.Address);
            var coordinator = await OctansClient.SignInAsync(http, OctansClient.Coordinator, cancellation);
            var (status, body) = await coordinator.PostAsync("/api/problems", new
            {
                title = "Fly-tipping in the service road behind the High Town Road shops",
                statement = "Trade waste and household bags left in the service road, blocking deliveries.",
                category = "Fly-tipping", area = "High Town", risk = "Medium",
                location = new { description = "Service road behind the High Town Road shops" },
            }, cancellation);
            var toWrite = server.SinceStart.Elapsed;
            if (status != HttpStatusCode.Created) throw new InvalidOperationException($"The first write answered {(int)status}: {body}");
            compiled |= server.LoadedTheCompiler();
            context.Say($"coldstart: run {run}: ready after {toReady.TotalSeconds:0.00} s, first write after {toWrite.TotalSeconds:0.00} s");
            if (run == 0) continue;
            ready.Add(toReady.TotalSeconds);
            firstWrite.Add(toWrite.TotalSeconds);
            idle.Add(server.ResidentMegabytes());
        }

        var floor = Median(runtime);
        return
        [
            new Figure("Cold start to /health/ready (median)", Median(ready), Unit.Seconds, floor, "dotnet, empty program", "< 3 s", Median(ready) < 3,
                $"runs: {string.Join(", ", ready.Select(s => s.ToString("0.00")))} s"),
            new Figure("Cold start to first successful write (median)", Median(firstWrite), Unit.Seconds, floor, "dotnet, empty program",
                Note: "sign in, then report a problem"),
            new Figure("Resident memory after the first write", Median(idle), Unit.Megabytes),
            new Figure("Handlers compiled at run time", compiled ? 1 : 0, Unit.Count, Target: "0", Met: !compiled,
                Note: compiled ? "Roslyn was loaded: the pre-generated handlers were not used" : "Roslyn never loaded: the pre-generated handlers were used"),
        ];
    }

    private static async Task<double> StartDoingNothingAsync(CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(ColdStartBenchmark).Assembly.Location}\" {DoNothing}") { RedirectStandardOutput = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync(cancellation);
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
