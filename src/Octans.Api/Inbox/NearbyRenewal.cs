using Marten;
using Octans.Api.Setup;

namespace Octans.Api.Inbox;

/// <summary>
/// Keeps the inbox's nearby problems found (<see cref="InboxReports.RenewNearbyAsync"/>) on every node, one node at a time:
/// as fast as it can while reports wait to have theirs found or pins moved, otherwise looking again every
/// <see cref="Pause"/>. A page never waits for it: until a report's problems are renewed, the page finds them afresh.
/// </summary>
public sealed class NearbyRenewal(IDocumentStore store, DatabaseStartup startup, ILogger<NearbyRenewal> logger)
    : BackgroundService
{
    /// <summary>How many reports one transaction renews: a few tenths of a second of work, so a file of reports is done in steps.</summary>
    public const int Batch = 500;

    public static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!await startup.PreparedAsync(stopping)) return;

        while (!stopping.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                var (places, reports) = await InboxReports.RenewNearbyAsync(store, Batch, stopping);
                busy = places > 0 || reports > 0;
                if (busy) logger.LogDebug("Renewed the nearby problems of {Reports} reports, after {Places} pins moved", reports, places);
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning("Could not renew the inbox's nearby problems ({Reason}); trying again shortly", exception.Message);
            }
            try
            {
                if (!busy) await Task.Delay(Pause, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
