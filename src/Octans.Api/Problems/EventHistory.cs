using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems;

/// <summary>One stored event of a problem: its place in the store, its stream's version and the event itself.</summary>
public sealed record StoredEvent(long Sequence, Guid ProblemId, int Version, IProblemEvent Change);

/// <summary>
/// Reads problems' events straight from Marten's event table with SQL, for the reads that need events rather than read
/// models (the timeline, the monthly pack, rebuilding the read models). Marten's own event queries deserialize each event
/// asynchronously, which cost most of a large read; a buffered row's JSON is read synchronously here.
/// </summary>
public sealed class EventHistory(IDocumentStore store)
{
    private readonly string _events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
    private readonly Dictionary<string, Type> _types = store.Options.Events.AllKnownEventTypes()
        .Where(t => t.EventType.IsAssignableTo(typeof(IProblemEvent)))
        .ToDictionary(t => t.EventTypeName, t => t.EventType);
    private readonly Marten.ISerializer _serializer = store.Options.Serializer();

    private string Columns => "seq_id, stream_id, version, type, data";

    /// <summary>
    /// Up to <paramref name="count"/> problems' events stored after <paramref name="afterSequence"/>, in the order they were
    /// stored. Other streams' events (reports in the inbox) are left out by the query, so a page is empty only at the end.
    /// </summary>
    public Task<List<StoredEvent>> PageAsync(IQuerySession session, long afterSequence, int count, CancellationToken cancellation) =>
        ReadAsync(session, $"select {Columns} from {_events} where seq_id > ? and is_archived = false and type = any(?) order by seq_id limit ?",
            cancellation, afterSequence, _types.Keys.ToArray(), count);

    /// <summary>Every event of these problems, each problem's in stream order.</summary>
    public Task<List<StoredEvent>> OfProblemsAsync(IQuerySession session, Guid[] problemIds, CancellationToken cancellation) =>
        ReadAsync(session, $"select {Columns} from {_events} where stream_id = any(?) and is_archived = false order by stream_id, version",
            cancellation, problemIds);

    /// <summary>A problem's latest <paramref name="count"/> events before <paramref name="beforeVersion"/>, newest first, for <see cref="ReadAllAsync"/>.</summary>
    public Statement LatestOfProblem(Guid problemId, int beforeVersion, int count) => new(
        $"select {Columns} from {_events} where stream_id = ? and version < ? and is_archived = false order by version desc limit ?",
        problemId, (long)beforeVersion, count);

    /// <summary>The events of the reader's current result, in the order the statement gave them.</summary>
    public async Task<List<StoredEvent>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken cancellation)
    {
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellation))
            if (Read(reader) is { } stored) events.Add(stored);
        return events;
    }

    private async Task<List<StoredEvent>> ReadAsync(IQuerySession session, string sql, CancellationToken cancellation, params object?[] values)
    {
        var events = new List<StoredEvent>();
        await session.ReadAsync(async reader => events = await ReadAllAsync(reader, cancellation), cancellation, new Statement(sql, values));
        return events;
    }

    private StoredEvent? Read(NpgsqlDataReader reader) =>
        _types.TryGetValue(reader.GetString(3), out var type)
            ? new StoredEvent(reader.GetInt64(0), reader.GetGuid(1), (int)reader.GetInt64(2), (IProblemEvent)_serializer.FromJson(type, reader, 4))
            : null;
}
