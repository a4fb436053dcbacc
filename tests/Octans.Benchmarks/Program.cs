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
// pack-peak  the whole pack three times in this process, reporting the peak resident memory while it is made.
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
        await using (var area = await PackArea.CreateAsync())
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = Resident("VmRSS");
            // Writing 5 to clear_refs resets the kernel's high-water mark, so what follows measures the pack alone.
            await File.WriteAllTextAsync("/proc/self/clear_refs", "5");
            var clock = Stopwatch.StartNew();
            RenderedPack? pack = null;
            for (var i = 0; i < 3; i++)
                pack = MonthlyPackDocument.Render(await area.AssembleAsync());
            Console.WriteLine($"3 packs of {pack!.Pages} pages in {clock.ElapsedMilliseconds} ms; resident before {before / 1024} MB, " +
                              $"peak while making them {Resident("VmHWM") / 1024} MB");
        }
        return 0;

    default:
        Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Octans.Benchmarks -- pack | pack-peak");
        return 1;
}

static long Resident(string field) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
