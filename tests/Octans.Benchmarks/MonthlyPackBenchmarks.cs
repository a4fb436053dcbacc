using BenchmarkDotNet.Attributes;
using Octans.Reports.MonthlyPacks;

namespace Octans.Benchmarks;

/// <summary>The two halves of a pack, timed apart: reading and replaying the area's history, and rendering the PDF.</summary>
public class MonthlyPackBenchmarks
{
    private PackArea _area = null!;
    private MonthlyPackModel _model = null!;

    [GlobalSetup]
    public async Task CreateArea()
    {
        _area = await PackArea.CreateAsync();
        _model = await _area.AssembleAsync();
        Console.WriteLine($"// {PackArea.Problems} problems, {_area.ActionCount:#,0} actions, {_area.Events:#,0} events; " +
                          $"{_model.ActiveProblems.Count} active in {PackArea.Month.Name}");
    }

    [GlobalCleanup]
    public async Task DropArea() => await _area.DisposeAsync();

    [Benchmark(Description = "Model assembly (event store → model)")]
    public Task<MonthlyPackModel> AssembleModel() => _area.AssembleAsync();

    [Benchmark(Description = "Rendering (model → PDF)")]
    public RenderedPack Render() => MonthlyPackDocument.Render(_model);
}
