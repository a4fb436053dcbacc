using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Npgsql;
using Octans.Reports.MonthlyPacks;

namespace Octans.Benchmarks;

/// <summary>
/// The monthly pack of a generated area of 500 problems and 10,000 actions: model assembly and rendering timed apart by
/// BenchmarkDotNet, and the peak resident memory of a fresh process that makes the pack, as the Hangfire job does.
/// The model's floor is reading the same events' rows with Npgsql and nothing else.
/// </summary>
public sealed class PackMeasurement : IMeasurement
{
    public const string PeakChild = "--pack-peak-child";

    public string Name => "pack";
    public int Order => 40;
    public string Description => "the monthly pack of 500 problems and 10,000 actions: model, rendering, peak memory";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        // In process, on a fixed short schedule: each operation takes a good fraction of a second.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15);
        var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<MonthlyPackBenchmarks>(config);
        double Median(string method) => summary.Reports.First(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)
            .ResultStatistics!.Median / 1_000_000;
        var model = Median(nameof(MonthlyPackBenchmarks.AssembleModel));
        var render = Median(nameof(MonthlyPackBenchmarks.Render));

        context.Say("pack: the floor and the peak memory of a fresh process");
        await using var area = await PackArea.CreateAsync();
        var floor = await ReadRowsAsync(area.ConnectionString, cancellation);
        var peak = await PeakOfFreshProcessAsync(area.ConnectionString, cancellation);

        return
        [
            new Figure("Pack: model assembly (median)", model, Unit.Milliseconds, floor, "reading the events' rows with Npgsql"),
            new Figure("Pack: rendering (median)", render, Unit.Milliseconds),
            new Figure("Pack: whole pack (sum of medians)", model + render, Unit.Milliseconds, Target: "< 1 s", Met: model + render < 1000),
            new Figure("Pack: peak resident memory of a process making it", peak, Unit.Megabytes, Target: "< 300 MB", Met: peak < 300),
        ];
    }

    /// <summary>The child process: makes the pack five times and prints its own peak resident memory.</summary>
    public static async Task<int> PeakChildAsync(string connectionString)
    {
        await using var area = PackArea.Open(connectionString);
        for (var i = 0; i < 5; i++) MonthlyPackDocument.Render(await area.AssembleAsync());
        var peak = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Console.WriteLine(long.Parse(peak) / 1024);
        return 0;
    }

    private static async Task<double> PeakOfFreshProcessAsync(string connectionString, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(PackMeasurement).Assembly.Location, PeakChild, connectionString]) { RedirectStandardOutput = true };
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellation);
        await child.WaitForExitAsync(cancellation);
        return double.Parse(output.Trim().Split('\n')[^1]);
    }

    private static async Task<double> ReadRowsAsync(string connectionString, CancellationToken cancellation)
    {
        var times = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellation);
            var clock = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand("select data, type, stream_id, version from octans.mt_events", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) _ = reader.GetString(0);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Skip(3).Order().ElementAt(2);
    }
}
