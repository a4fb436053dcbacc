using Marten;
using Npgsql;
using Octans.Api.Problems;
using Octans.Api.Setup;

namespace Octans.Benchmarks.Chaos;

/// <summary>What the event store holds against what the clients were told: each write once, and read models that a rebuild would not change.</summary>
public sealed record Tally(int Acknowledged, int AcknowledgedMissing, int AppliedTwice, int SentNeverAnswered)
{
    public bool Holds => AcknowledgedMissing == 0 && AppliedTwice == 0 && SentNeverAnswered == 0;

    public static async Task<Tally> OfAsync(string connectionString, WriteLoad load, CancellationToken cancellation)
    {
        var notes = await CountAsync(connectionString, "note_added", "text", cancellation);
        var reports = await CountAsync(connectionString, "problem_reported", "title", cancellation);
        var sent = load.Notes.Select(n => (n.Key, n.Value, Count: notes.GetValueOrDefault(n.Key)))
            .Concat(load.Reports.Select(r => (r.Key, r.Value, Count: reports.GetValueOrDefault(r.Key)))).ToList();
        return new Tally(
            sent.Count(s => s.Value),
            sent.Count(s => s.Value && s.Count == 0),
            sent.Count(s => s.Count > 1),
            sent.Count(s => !s.Value));
    }

    private static async Task<Dictionary<string, int>> CountAsync(string connectionString, string type, string field, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select data->>'{field}', count(*)::int from {DatabaseSettings.MartenSchema}.mt_events where type = '{type}' group by 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var counts = new Dictionary<string, int>();
        while (await reader.ReadAsync(cancellation)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }
}

public static class ReadModelCheck
{
    /// <summary>Rebuilds every read model from the events and says which tables came out different from what the writes had left.</summary>
    public static async Task<IReadOnlyList<string>> TablesARebuildChangesAsync(string connectionString, CancellationToken cancellation)
    {
        using var store = NationalDataset.OpenStore(connectionString);
        var before = await FingerprintsAsync(store, cancellation);
        await ProblemReadModels.RebuildAsync(store, cancellation);
        var after = await FingerprintsAsync(store, cancellation);
        return before.Where(b => after[b.Key] != b.Value).Select(b => b.Key).ToList();
    }

    private static async Task<Dictionary<string, string>> FingerprintsAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var fingerprints = new Dictionary<string, string>();
        foreach (var table in ProblemReadModels.TableNames)
            fingerprints[table] = await session.ReadFirstAsync(
                $"select count(*) || ':' || coalesce(md5(string_agg(row::text, '|' order by row::text)), '') from {table} row",
                r => r.GetString(0), cancellation) ?? "";
        return fingerprints;
    }
}
