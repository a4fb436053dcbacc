using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Marten;
using Octans.Api.Observing;
using Octans.Api.Reports.Archive;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Reports.Producing;

/// <summary>
/// The Hangfire job that renders an area's pack for a month and keeps it. A failure stores nothing and Hangfire
/// tries again; the kept pack's id is left on the job as the parameter <see cref="ReportIdParameter"/>, which is
/// how the job's status leads to the report.
/// </summary>
public sealed class MonthlyPackJob(IDocumentStore store, PackArchive archive, TimeProvider clock)
{
    public const string ReportIdParameter = "reportId";

    [DisplayName("Monthly pack: {0}, {1}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<Guid> RenderAsync(string area, string month, PerformContext? context, CancellationToken cancellation)
    {
        var pack = await OctansMeasures.PackJobAsync("monthly", () => RenderAndKeepAsync(area, PackMonth.Parse(month), cancellation));
        context?.SetJobParameter(ReportIdParameter, pack.Id);
        return pack.Id;
    }

    /// <summary>What the recurring job runs at 06:00 on the 1st: the pack of the month that has just ended.</summary>
    [DisplayName("Monthly pack for last month: {0}")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 300, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task<Guid> RenderLastMonthAsync(string area, PerformContext? context, CancellationToken cancellation) =>
        RenderAsync(area, PackMonth.Of(clock.GetUtcNow()).AddMonths(-1).ToString(), context, cancellation);

    public async Task<StoredPack> RenderAndKeepAsync(string area, PackMonth month, CancellationToken cancellation)
    {
        if (!month.HasEndedAt(clock.GetUtcNow()))
            throw new InvalidOperationException($"{month.Name} has not ended yet, so its pack cannot be produced.");
        var pack = await ReadAndRenderAsync(store, area, month, cancellation);
        return await archive.KeepAsync(area, month, pack, clock.GetUtcNow(), cancellation);
    }

    /// <summary>Reads the area's history and renders its pack, keeping nothing: what the command line uses.</summary>
    public static async Task<RenderedPack> ReadAndRenderAsync(
        IDocumentStore store, string area, PackMonth month, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return MonthlyPackDocument.Render(await MonthlyPackHistory.AssembleAsync(session, area, month, cancellation));
    }
}
