using System.Diagnostics.Metrics;
using Hangfire;
using Marten;
using Octans.Api.Inbox;
using Octans.Api.Teams.TaskList;
using Octans.Domain;

namespace Octans.Api.Observing;

/// <summary>
/// The work waiting for people and for the job server, as gauges: reports in the inboxes, overdue actions, and
/// Hangfire's jobs by state. They are read from the database at most once every <see cref="FreshFor"/>, on the scrape
/// that finds them older, so however often and however many scrape, the database answers three small counts twice a
/// minute at most. A read that fails keeps the last counts and says so in the log. Their meter comes from the host's
/// <see cref="IMeterFactory"/>, so a host counts its own database, even beside another host in the same process.
/// </summary>
public sealed class WorkWaiting
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRead = TimeSpan.FromSeconds(5);

    private readonly IDocumentStore _store;
    private readonly JobStorage _jobs;
    private readonly TimeProvider _clock;
    private readonly ILogger<WorkWaiting> _logger;
    private readonly Lock _reading = new();
    private Counts? _counts;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    private sealed record Counts(int InboxWaiting, int OverdueActions, IReadOnlyList<Measurement<long>> JobsByState);

    public WorkWaiting(IDocumentStore store, JobStorage jobs, TimeProvider clock, IMeterFactory meters, ILogger<WorkWaiting> logger)
    {
        (_store, _jobs, _clock, _logger) = (store, jobs, clock, logger);
        var meter = meters.Create(OctansMeasures.Name);
        meter.CreateObservableGauge("octans.inbox.waiting", () => Read(counts => counts.InboxWaiting), "{report}",
            "Reports from the public waiting in the inboxes of every area.");
        meter.CreateObservableGauge("octans.actions.overdue", () => Read(counts => counts.OverdueActions), "{action}",
            "Open actions whose due date, in London, has passed.");
        meter.CreateObservableGauge("octans.jobs", () => Current()?.JobsByState ?? [], "{job}",
            "Hangfire's jobs (packs, reminders, sweeps) by state.");
    }

    private IEnumerable<Measurement<int>> Read(Func<Counts, int> count) =>
        Current() is { } counts ? [new Measurement<int>(count(counts))] : [];

    /// <summary>The counts, read again first when they are older than <see cref="FreshFor"/>.</summary>
    private Counts? Current()
    {
        lock (_reading)
        {
            var now = _clock.GetUtcNow();
            if (now - _readAt < FreshFor) return _counts;
            _readAt = now;
            try
            {
                // Gauges are read synchronously by the collector; this blocks one thread for three counts, twice a minute.
                _counts = Task.Run(ReadAsync).WaitAsync(LongestRead).GetAwaiter().GetResult();
            }
            catch (Exception failed)
            {
                _logger.LogWarning(failed, "The inbox, overdue actions and jobs could not be counted; the gauges keep their last counts");
            }
            return _counts;
        }
    }

    private async Task<Counts> ReadAsync()
    {
        using var timeout = new CancellationTokenSource(LongestRead);
        await using var session = _store.QuerySession();
        var waiting = await InboxReports.WaitingAsync(session, null, timeout.Token);
        var teams = await TeamTasks.OpenByTeamAsync(session, null, Reader.Everything, London.Today(_clock.GetUtcNow()), timeout.Token);
        var jobs = _jobs.GetMonitoringApi().GetStatistics();
        return new(waiting, teams.Sum(team => team.Overdue), [
            Job(jobs.Enqueued, "enqueued"), Job(jobs.Scheduled, "scheduled"), Job(jobs.Processing, "processing"),
            Job(jobs.Failed, "failed"), Job(jobs.Succeeded, "succeeded"),
        ]);
    }

    private static Measurement<long> Job(long count, string state) => new(count, new KeyValuePair<string, object?>("state", state));
}
