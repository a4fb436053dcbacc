using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Marten;
using Octans.Api.Observing;
using Octans.Api.Reports.Archive;
using Octans.Reports.MonthlyPacks;
using Octans.Reports.PathwaysPacks;

namespace Octans.Api.Reports.Producing;

/// <summary>
/// The Hangfire job that renders an area's Pathways pack for a quarter and keeps it beside the monthly packs, as
/// <see cref="MonthlyPackJob"/> does: a failure stores nothing and Hangfire tries again, and the kept pack's id is left on
/// the job as <see cref="MonthlyPackJob.ReportIdParameter"/>.
/// </summary>
public sealed class PathwaysPackJob(IDocumentStore store, PackArchive archive, TimeProvider clock)
{
    [DisplayName("Pathways pack: {0}, {1}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<Guid> RenderAsync(string area, string quarter, PerformContext? context, CancellationToken cancellation)
    {
        var pack = await OctansMeasures.PackJobAsync("pathways", () => RenderAndKeepAsync(area, PackQuarter.Parse(quarter), cancellation));
        context?.SetJobParameter(MonthlyPackJob.ReportIdParameter, pack.Id);
        return pack.Id;
    }

    public async Task<StoredPack> RenderAndKeepAsync(string area, PackQuarter quarter, CancellationToken cancellation)
    {
        if (!quarter.HasEndedAt(clock.GetUtcNow()))
            throw new InvalidOperationException($"{quarter.Name} has not ended yet, so its Pathways pack cannot be produced.");
        var pack = await ReadAndRenderAsync(store, area, quarter, cancellation);
        return await archive.KeepAsync(PackKind.Pathways, area, quarter.ToString(), quarter.Cutoff, pack, clock.GetUtcNow(), cancellation);
    }

    /// <summary>Reads the area's history and renders its Pathways pack, keeping nothing.</summary>
    public static async Task<RenderedPack> ReadAndRenderAsync(IDocumentStore store, string area, PackQuarter quarter, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return PathwaysPackDocument.Render(await PathwaysPackHistory.AssembleAsync(session, area, quarter, cancellation));
    }
}
