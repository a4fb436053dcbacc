using System.ComponentModel;
using Hangfire;
using Marten;
using Octans.Api.Inbox;
using Octans.Api.Photos;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Retention;

/// <summary>
/// Applies the retention policy: the free text of problems closed before its cutoff is replaced by
/// <see cref="RetentionPolicy.Removed"/> in their events (Marten's event data masking, by the rules of
/// <see cref="Anonymised"/>) and in every read model; reports dismissed before theirs are deleted from the inbox, their
/// events' text removed the same way; photos of problems closed before theirs are deleted. Problems still open and reports
/// still waiting are never chosen. Packs already made are kept as they are. Each run is recorded, counts only.
/// Run nightly by Hangfire, once across nodes; a run cut short is finished by the next, and a run with nothing left to
/// do changes nothing and records zeros.
/// </summary>
public sealed partial class RetentionJob(IDocumentStore store, RetentionPolicy policy, TimeProvider clock, ILogger<RetentionJob> logger)
{
    // Problems are masked and replayed a few at a time, so a long backlog never holds much in memory or in one transaction.
    private const int Batch = 50;

    // Counted as each batch commits, so a run that fails part way records what it did.
    private int _problems, _reports, _photos;

    [DisplayName("Retention policy")]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 1800, 3600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<RetentionRun> ApplyAsync(CancellationToken cancellation)
    {
        var started = clock.GetUtcNow();
        var cutoffs = policy.CutoffsAt(started);
        (_problems, _reports, _photos) = (0, 0, 0);
        try
        {
            await AnonymiseClosedProblemsAsync(cutoffs.ClosedProblemText, cancellation);
            await DeleteDismissedReportsAsync(cutoffs.DismissedReports, cancellation);
            await DeleteClosedProblemsPhotosAsync(cutoffs.ClosedProblemPhotos, cancellation);
        }
        catch (Exception exception) when (!cancellation.IsCancellationRequested)
        {
            // What was done before the failure is recorded too; the retry does the rest.
            await RetentionRuns.RecordAsync(store, new RetentionRun(started, clock.GetUtcNow(), RetentionOutcome.Failed, _problems, _reports, _photos), cancellation);
            logger.LogError("The retention policy was applied in part: {Problems} problems anonymised, {Reports} reports and {Photos} photos deleted before {Failure}",
                _problems, _reports, _photos, exception.GetType().Name);
            throw;
        }
        var run = new RetentionRun(started, clock.GetUtcNow(), RetentionOutcome.Succeeded, _problems, _reports, _photos);
        await RetentionRuns.RecordAsync(store, run, cancellation);
        logger.LogInformation("The retention policy was applied: {Problems} problems anonymised, {Reports} reports and {Photos} photos deleted",
            _problems, _reports, _photos);
        return run;
    }

    private async Task DeleteDismissedReportsAsync(DateTimeOffset cutoff, CancellationToken cancellation)
    {
        while (true)
        {
            await using var query = store.QuerySession();
            var reports = await query.ReadAsync(
                $"select {InboxReports.Id} from {InboxReports.Table} where {InboxReports.State} = ? and {InboxReports.DecidedAt} < ? limit ?",
                r => r.GetGuid(0), cancellation, InboxState.Dismissed, cutoff, Batch);
            if (reports.Count == 0) return;
            await store.Advanced.ApplyEventDataMasking(masking =>
            {
                foreach (var report in reports) masking.IncludeStream(report);
            }, cancellation);
            await using var session = store.LightweightSession();
            session.Queue($"delete from {PhotoStorage.Table} where {PhotoStorage.InboxReportId} = any(?)", reports.ToArray());
            InboxReports.Delete(session, [.. reports], InboxState.Dismissed);
            await session.SaveChangesAsync(cancellation);
            _reports += reports.Count;
        }
    }

    private async Task DeleteClosedProblemsPhotosAsync(DateTimeOffset cutoff, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        var photos = await session.ReadAsync(
            $"select {PhotoStorage.Id} from {PhotoStorage.Table} where {PhotoStorage.ProblemId} in ({ClosedBefore("?")}) for update",
            r => r.GetGuid(0), cancellation, ClosedType, cutoff);
        if (photos.Count == 0) return;
        session.Queue($"delete from {PhotoStorage.Table} where {PhotoStorage.Id} = any(?)", photos.ToArray());
        await session.SaveChangesAsync(cancellation);
        _photos = photos.Count;
    }
}
