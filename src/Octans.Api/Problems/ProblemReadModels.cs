using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.Notes;
using Octans.Api.Problems.Timeline;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;

namespace Octans.Api.Problems;

/// <summary>
/// Keeps every read model of problems in the transaction of every write: each event goes to each read model in turn,
/// in the order of the events, as SQL sent in the write's own batch. Nothing is read back first, so a write costs the
/// same however long its problem's history.
/// </summary>
public sealed class ProblemReadModels : IProjection
{
    /// <summary>Raised whenever a read model's tables or what they hold change, so stores kept before catch up at start.</summary>
    public const int Version = 1;

    private static readonly string[] Tables =
        [ProblemRows.Table, TeamTasks.Table, ProblemNotes.Table, TimelineMoves.Table, ProblemRecord.Criteria, ProblemRecord.Reviews,
         ProblemRecord.Phases, ProblemRecord.Recurrences];

    private static readonly string State = ReadTables.Qualified("read_models");

    public static void Declare(StoreOptions options)
    {
        ProblemRows.Declare(options);
        TeamTasks.Declare(options);
        TimelineMoves.Declare(options);
        ProblemRecord.Declare(options);
        ProblemNotes.Declare(options);
        options.Declare("read_models", table =>
        {
            table.AddColumn("id", "integer").AsPrimaryKey();
            table.AddColumn("version", "integer").NotNull();
        });
        options.Projections.Add(new ProblemReadModels(), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
    }

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            if (e.Data is not IProblemEvent change) continue;
            // Rows are keyed by the event's version, which Marten knows only for a stream it read or started in the session.
            if (e.Version <= 0)
                throw new InvalidOperationException(
                    $"{change.GetType().Name} was appended without the version of its problem. Append through ProblemChanges, or FetchForWriting first.");
            Project(operations, change, (int)e.Version);
        }
        return Task.CompletedTask;
    }

    public static void Project(IDocumentOperations operations, IProblemEvent change, int version)
    {
        ProblemRows.Project(operations, change, version);
        TeamTasks.Project(operations, change, version);
        ProblemRecord.Project(operations, change, version);
        ProblemNotes.Project(operations, change, version);
    }

    /// <summary>
    /// Rebuilds the read models from the events when they were kept by an older <see cref="Version"/> (or never), in one
    /// transaction that holds writes back meanwhile, so nothing written during the rebuild is missed or played twice;
    /// several nodes starting at once rebuild once. Returns the events played, or null when the read models were current.
    /// </summary>
    public static async Task<long?> CatchUpAsync(IDocumentStore store, CancellationToken cancellation) =>
        await InOneTransactionAsync(store, async session =>
        {
            await session.ExecuteAsync("select pg_advisory_xact_lock(?)", cancellation, CatchingUp);
            var kept = await session.ReadFirstAsync($"select version from {State} where id = 1", r => (int?)r.GetInt32(0), cancellation);
            if (kept == Version) return (long?)null;
            var played = await PlayEveryEventAsync(store, session, cancellation);
            await session.ExecuteAsync($"insert into {State} (id, version) values (1, ?) on conflict (id) do update set version = excluded.version",
                cancellation, Version);
            return played;
        }, cancellation);

    /// <summary>Empties the read models and plays every event into them again, in one transaction. Returns the events played.</summary>
    public static Task<long> RebuildAsync(IDocumentStore store, CancellationToken cancellation) =>
        InOneTransactionAsync(store, session => PlayEveryEventAsync(store, session, cancellation), cancellation);

    // Any fixed number: it only keeps two nodes starting on one database from both rebuilding.
    private const long CatchingUp = 0x4f637461526d;

    private static async Task<long> PlayEveryEventAsync(IDocumentStore store, IDocumentSession session, CancellationToken cancellation)
    {
        await session.ExecuteAsync($"lock table {store.Options.Events.DatabaseSchemaName}.mt_events in share mode", cancellation);
        await session.ExecuteAsync($"truncate {string.Join(", ", Tables)}", cancellation);
        // Every event updates its problem's row, and every index of a row is written again when it moves: the indexes the
        // reads use are set aside while the events are played and built once at the end. The projection itself finds rows
        // by their keys, and a problem's tasks by the problem, so those indexes stay.
        var indexes = await session.ReadAsync(
            "select schemaname || '.' || indexname, indexdef from pg_indexes i where schemaname || '.' || tablename = any(?) " +
            "and not exists (select 1 from pg_constraint c where c.conname = i.indexname) and indexdef not like ?",
            r => (Name: r.GetString(0), Definition: r.GetString(1)), cancellation, (object)Tables, $"%({TeamTasks.ProblemId}%");
        foreach (var index in indexes) await session.ExecuteAsync($"drop index {index.Name}", cancellation);

        var history = new EventHistory(store);
        long played = 0, after = 0;
        while (await history.PageAsync(session, after, 5_000, cancellation) is { Count: > 0 } page)
        {
            foreach (var e in page) Project(session, e.Change, e.Version);
            // The session does not own the transaction, so this sends the page's statements without committing them.
            await session.SaveChangesAsync(cancellation);
            played += page.Count;
            after = page[^1].Sequence;
        }
        foreach (var index in indexes) await session.ExecuteAsync(index.Definition, cancellation);
        return played;
    }

    private static async Task<T> InOneTransactionAsync<T>(IDocumentStore store, Func<IDocumentSession, Task<T>> work, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
        var result = await work(session);
        await transaction.CommitAsync(cancellation);
        return result;
    }
}
