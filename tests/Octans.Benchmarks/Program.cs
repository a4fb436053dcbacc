using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Octans.Benchmarks;
using Octans.Reports.MonthlyPacks;

// pack       BenchmarkDotNet: model assembly and rendering of the generated area's October 2026 pack, timed apart.
// pack-peak  the whole pack five times in a fresh process, reporting that process's peak resident memory.
switch (args.FirstOrDefault())
{
    case "pack":
        // In process and with a fixed, short schedule: each operation takes a good fraction of a second, so
        // BenchmarkDotNet's pilot stage and a separately built host would only make the run longer.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15);
        var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        BenchmarkRunner.Run<MonthlyPackBenchmarks>(config, args[1..]);
        return 0;

    case "pack-peak":
        // The area is written by this process and the pack made by a fresh one, so the peak is that of a process
        // that only reads the history and renders the pack, as the Hangfire job does.
        await using (var area = await PackArea.CreateAsync())
        {
            var child = Process.Start(new ProcessStartInfo("dotnet", [typeof(PackArea).Assembly.Location, "pack-peak-child"])
            {
                Environment = { ["OCTANS_PACK_DB"] = area.ConnectionString },
            })!;
            await child.WaitForExitAsync();
            return child.ExitCode;
        }

    case "pack-peak-child":
        await using (var area = PackArea.Open(Environment.GetEnvironmentVariable("OCTANS_PACK_DB")!))
        {
            var times = new List<(long Model, long Render)>();
            RenderedPack? pack = null;
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                var model = await area.AssembleAsync();
                var modelTime = clock.ElapsedMilliseconds;
                pack = MonthlyPackDocument.Render(model);
                times.Add((modelTime, clock.ElapsedMilliseconds - modelTime));
            }
            Console.WriteLine($"5 packs of {pack!.Pages} pages, {pack.Pdf.Length / 1024} KB; model/render ms: {string.Join(", ", times.Select(t => $"{t.Model}/{t.Render}"))}");
            Console.WriteLine($"Peak resident memory of the process: {Resident("VmHWM") / 1024} MB");
        }
        return 0;

    default:
        Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Octans.Benchmarks -- pack | pack-peak");
        return 1;
}

static long Resident(string field) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
