using Marten;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Retention;

public sealed partial class RetentionJob
{
    private string Events => $"{store.Options.Events.DatabaseSchemaName}.mt_events";
    private string Streams => $"{store.Options.Events.DatabaseSchemaName}.mt_streams";
    private string ClosedType => TypeName(typeof(ProblemClosed));
    private string DecisionType => TypeName(typeof(MeetingDecisionRecorded));

    private string TypeName(Type type) => store.Options.Events.AllKnownEventTypes().Single(t => t.EventType == type).EventTypeName;

    /// <summary>
    /// The SQL of the ids of problems closed now whose closing came before a cutoff (the parameter <paramref name="cutoff"/>,
    /// after one giving the closing event's type): only a closed problem's latest closing counts, so one reopened is never chosen.
    /// </summary>
    private string ClosedBefore(string cutoff) =>
        $"select p.{ProblemRows.Id} from {ProblemRows.Table} as p where p.{ProblemRows.Status} = 'Closed' and " +
        $"(select max((e.data ->> 'closedAt')::timestamptz) from {Events} as e where e.stream_id = p.{ProblemRows.Id} and e.type = ?) < {cutoff}";

    private async Task AnonymiseClosedProblemsAsync(DateTimeOffset cutoff, CancellationToken cancellation)
    {
        HashSet<Guid> done = [];
        while (true)
        {
            await using var query = store.QuerySession();
            var due = await query.ReadAsync(
                $"""
                 select p.{ProblemRows.Id}, p.{ProblemRows.Version} from {ProblemRows.Table} as p
                 where p.{ProblemRows.Id} in ({ClosedBefore("?")})
                   and not exists (select from {RetentionRuns.Anonymised} as a where a.{RetentionRuns.ProblemId} = p.{ProblemRows.Id} and a.{RetentionRuns.Version} >= p.{ProblemRows.Version})
                 limit ?
                 """,
                r => (Id: r.GetGuid(0), Version: r.GetInt32(1)), cancellation, ClosedType, cutoff, Batch);
            if (due.Count == 0) return;
            // A problem chosen again in the same run was not recorded as anonymised: stop rather than mask it for ever.
            if (!due.All(p => done.Add(p.Id)))
                throw new InvalidOperationException("A problem the retention job anonymised was chosen again in the same run.");
            var ids = due.Select(p => p.Id).ToArray();
            var meetings = await query.ReadAsync(
                $"select distinct stream_id from {Events} where type = ? and (data ->> 'problemId')::uuid = any(?)",
                r => r.GetGuid(0), cancellation, DecisionType, ids);
            await store.Advanced.ApplyEventDataMasking(masking =>
            {
                foreach (var id in ids) masking.IncludeStream(id);
                foreach (var meeting in meetings)
                    masking.IncludeStream(meeting, e => e.Data is MeetingDecisionRecorded d && ids.Contains(d.ProblemId));
            }, cancellation);
            await ReplayAsync(due, cancellation);
            _problems += due.Count;
        }
    }

    /// <summary>
    /// Plays the problems' masked events into their read models and snapshots afresh, as a rebuild would, in one transaction
    /// that holds their streams, so a change to one of them waits until its rows are whole again.
    /// </summary>
    private async Task ReplayAsync(IReadOnlyList<(Guid Id, int Version)> problems, CancellationToken cancellation)
    {
        var ids = problems.Select(p => p.Id).ToArray();
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        await session.ReadAsync($"select id from {Streams} where id = any(?) for update", r => r.GetGuid(0), cancellation, ids);
        foreach (var table in ProblemReadModels.TableNames)
            session.Queue($"delete from {table} where {(table == ProblemRows.Table ? ProblemRows.Id : "problem_id")} = any(?)", ids);
        var history = await new EventHistory(store).OfProblemsAsync(session, ids, cancellation);
        foreach (var e in history) ProblemReadModels.Project(session, e.Change, e.Version);
        foreach (var id in ids)
            if (await session.Events.AggregateStreamAsync<Problem>(id, token: cancellation) is { } snapshot)
                session.Store(snapshot);
        foreach (var (id, version) in problems)
            session.Queue($"insert into {RetentionRuns.Anonymised} ({RetentionRuns.ProblemId}, {RetentionRuns.Version}, {RetentionRuns.AnonymisedAt}) values (?, ?, ?) " +
                          $"on conflict ({RetentionRuns.ProblemId}) do update set {RetentionRuns.Version} = excluded.{RetentionRuns.Version}, " +
                          $"{RetentionRuns.AnonymisedAt} = excluded.{RetentionRuns.AnonymisedAt}",
                id, version, clock.GetUtcNow());
        await session.SaveChangesAsync(cancellation);
    }
}
