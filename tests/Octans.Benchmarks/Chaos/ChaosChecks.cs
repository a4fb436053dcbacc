using Marten;
using Octans.Api.Problems;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.Notes;
using Octans.Api.Problems.Timeline;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;

namespace Octans.Benchmarks.Chaos;

/// <summary>What the database holds after a scenario, against what the clients were told.</summary>
public sealed record Tally(int Sent, int Acknowledged, int Missing, int AppliedTwice, int Retried, int RetriedAppliedOnce,
    int RetriedCommittedBeforeTheFault, int UnacknowledgedApplied)
{
    public static Tally Of(IReadOnlyCollection<SentWrite> sent, IReadOnlyDictionary<string, (int Count, DateTimeOffset First)> applied,
        DateTimeOffset fault)
    {
        int Count(SentWrite w) => applied.TryGetValue(w.Marker, out var a) ? a.Count : 0;
        var retried = sent.Where(w => w.Retried && w.Acknowledged).ToList();
        return new Tally(
            sent.Count,
            sent.Count(w => w.Acknowledged),
            sent.Count(w => w.Acknowledged && Count(w) == 0),
            applied.Values.Count(a => a.Count > 1),
            retried.Count,
            retried.Count(w => Count(w) == 1),
            retried.Count(w => applied.TryGetValue(w.Marker, out var a) && a.First < fault),
            sent.Count(w => !w.Acknowledged && Count(w) > 0));
    }
}

public static class ChaosChecks
{
    /// <summary>Each marker found in the events, how many events carry it, and when the first was appended.</summary>
    public static async Task<Dictionary<string, (int Count, DateTimeOffset First)>> AppliedAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var fields = new[] { "title", "text", "description", "note" };
        var union = string.Join(" union all ", fields.Select(f =>
            $"select data->>'{f}' as marker, timestamp from {DatabaseSettings.MartenSchema}.mt_events where data->>'{f}' like 'chaos %'"));
        var rows = await session.ReadAsync($"select marker, count(*)::int, min(timestamp) from ({union}) applied group by marker",
            r => (Marker: r.GetString(0), Count: r.GetInt32(1), First: r.GetFieldValue<DateTimeOffset>(2)), cancellation);
        return rows.ToDictionary(r => r.Marker, r => (r.Count, r.First));
    }

    private static readonly string[] ReadModelTables =
        [ProblemRows.Table, TeamTasks.Table, ProblemNotes.Table, TimelineMoves.Table, ProblemRecord.Criteria, ProblemRecord.Reviews,
         ProblemRecord.Phases, ProblemRecord.Recurrences];

    /// <summary>
    /// The read-model tables whose rows differ from those a rebuild from the events writes, and the problems whose
    /// snapshot is not at their stream's version. Run with the app stopped: the rebuild holds writes back meanwhile.
    /// </summary>
    public static async Task<(int TablesDiffering, int StaleSnapshots)> AgainstRebuildAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var before = await FingerprintsAsync(store, cancellation);
        await ProblemReadModels.RebuildAsync(store, cancellation);
        var after = await FingerprintsAsync(store, cancellation);
        await using var session = store.QuerySession();
        var schema = DatabaseSettings.MartenSchema;
        var stale = await session.ReadFirstAsync(
            $"select count(*)::int from {schema}.mt_streams s left join {schema}.mt_doc_problem d on d.id = s.id " +
            "where d.id is null or (d.data->>'version')::int <> s.version", r => r.GetInt32(0), cancellation);
        return (ReadModelTables.Count(t => before[t] != after[t]), stale);
    }

    private static async Task<Dictionary<string, string>> FingerprintsAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var prints = new Dictionary<string, string>();
        foreach (var table in ReadModelTables)
            prints[table] = await session.ReadFirstAsync(
                $"select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from {table} t",
                r => r.GetString(0), cancellation) ?? "";
        return prints;
    }
}
