using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Octans.Api.Dashboard;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.Notes;
using Octans.Api.Problems.PublicUpdates;
using Octans.Api.Problems.Timeline;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Weasel.Postgresql.Tables;

namespace Octans.Api.Problems;

/// <summary>
/// Keeps every read model of problems in the transaction of every write: each event goes to each read model in turn,
/// in the order of the events, as SQL sent in the write's own batch. Nothing is read back first, so a write costs the
/// same however long its problem's history.
/// </summary>
public sealed class ProblemReadModels : IProjection
{
    /// <summary>Raised whenever a read model's tables or what they hold change, so stores kept before catch up at start.</summary>
    public const int Version = 5;

    private static readonly string[] Tables =
        [ProblemRows.Table, TeamTasks.Table, ProblemNotes.Table, TimelineMoves.Table, ProblemRecord.Criteria, ProblemRecord.Reviews,
         ProblemRecord.Phases, ProblemRecord.Recurrences, PublicUpdateRows.Table, ProblemMilestones.Table];

    /// <summary>The qualified names of every read model's tables.</summary>
    public static IReadOnlyList<string> TableNames => Tables;

    private static readonly string State = ReadTables.Qualified("read_models");

    public static void Declare(StoreOptions options)
    {
        ProblemRows.Declare(options);
        TeamTasks.Declare(options);
        TimelineMoves.Declare(options);
        ProblemRecord.Declare(options);
        ProblemNotes.Declare(options);
        PublicUpdateRows.Declare(options);
        ProblemMilestones.Declare(options);
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
        PublicUpdateRows.Project(operations, change, version);
        ProblemMilestones.Project(operations, change, version);
    }

    /// <summary>Whether the read models are kept by this <see cref="Version"/>: what the app's role checks at start.</summary>
    public static async Task<bool> AreCurrentAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.ReadFirstAsync($"select version from {State} where id = 1", r => (int?)r.GetInt32(0), cancellation) == Version;
    }

    /// <summary>
    /// Rebuilds the read models from the events when they were kept by an older <see cref="Version"/> (or never), as the
    /// schema's owner does in db-apply: it truncates tables, sets indexes aside and locks the event table. Writes
    /// wait meanwhile, so nothing written during the rebuild is missed or played twice, and several nodes starting at
    /// once rebuild once. Returns the events played, or null when the read models were current.
    /// </summary>
    public static async Task<long?> CatchUpAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var writesWait = await HoldWritesAsync(store, cancellation);
        var kept = await writesWait.Session.ReadFirstAsync($"select version from {State} where id = 1", r => (int?)r.GetInt32(0), cancellation);
        return kept == Version ? null : await PlayEveryEventAsync(store, cancellation);
    }

    /// <summary>
    /// Empties the read models and plays every event into them again while writes wait, leaving them kept by this
    /// <see cref="Version"/>. Returns the events played.
    /// </summary>
    public static async Task<long> RebuildAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var writesWait = await HoldWritesAsync(store, cancellation);
        return await PlayEveryEventAsync(store, cancellation);
    }

    // Any fixed number: it only keeps two nodes starting on one database from both rebuilding.
    private const long CatchingUp = 0x4f637461526d;

    /// <summary>
    /// A transaction of its own that holds the event table against writes, and other rebuilds, until disposed. The
    /// rebuild commits page by page on other connections, so PostgreSQL can tidy the row versions each page leaves behind:
    /// in one transaction every problem's row grew a chain of a hundred versions, and every update walked it.
    /// </summary>
    private static async Task<WritesWait> HoldWritesAsync(IDocumentStore store, CancellationToken cancellation)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var transaction = await connection.BeginTransactionAsync(cancellation);
        var session = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction));
        await session.ExecuteAsync("select pg_advisory_xact_lock(?)", cancellation, CatchingUp);
        await session.ExecuteAsync($"lock table {store.Options.Events.DatabaseSchemaName}.mt_events in share mode", cancellation);
        return new WritesWait(connection, transaction, session);
    }

    private sealed class WritesWait(Npgsql.NpgsqlConnection connection, Npgsql.NpgsqlTransaction transaction, IDocumentSession session)
        : IAsyncDisposable
    {
        public IDocumentSession Session => session;

        public async ValueTask DisposeAsync()
        {
            await session.DisposeAsync();
            await transaction.CommitAsync();
            await connection.DisposeAsync();
        }
    }

    private static async Task<long> PlayEveryEventAsync(IDocumentStore store, CancellationToken cancellation)
    {
        // Every event updates its problem's row, and every index of a row is written again when it moves: the indexes the
        // reads use are set aside while the events are played and built once at the end. The projection itself finds rows
        // by their keys, and a problem's tasks by the problem, so those indexes stay. Until the end the read models are
        // marked as kept by no version, so a rebuild cut short is done again at the next start.
        var tables = ((StoreOptions)store.Options).Storage.ExtendedSchemaObjects.OfType<Table>().Where(t => Tables.Contains(t.Identifier.QualifiedName)).ToList();
        var setAside = tables.SelectMany(t => t.Indexes.Where(i => i.Columns?.FirstOrDefault() != TeamTasks.ProblemId).Select(i => (Table: t, Index: i))).ToList();
        await store.InOneTransactionAsync(async session =>
        {
            await session.ExecuteAsync($"insert into {State} (id, version) values (1, 0) on conflict (id) do update set version = 0", cancellation);
            await session.ExecuteAsync($"truncate {string.Join(", ", Tables)}", cancellation);
            foreach (var (table, index) in setAside)
                await session.ExecuteAsync($"drop index if exists {table.Identifier.Schema}.{index.Name}", cancellation);
        }, cancellation);

        var history = new EventHistory(store);
        long played = 0, after = 0;
        while (await store.InOneTransactionAsync(async session =>
               {
                   var page = await history.PageAsync(session, after, 5_000, cancellation);
                   foreach (var e in page) Project(session, e.Change, e.Version);
                   // The session does not own the transaction, so this sends the page's statements without committing them.
                   await session.SaveChangesAsync(cancellation);
                   return page;
               }, cancellation) is { Count: > 0 } page)
        {
            played += page.Count;
            after = page[^1].Sequence;
        }

        await store.InOneTransactionAsync(async session =>
        {
            foreach (var (table, index) in setAside)
                await session.ExecuteAsync(index.ToCreateSql(table, false).Replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS")
                    .Replace("CREATE UNIQUE INDEX", "CREATE UNIQUE INDEX IF NOT EXISTS"), cancellation);
            await session.ExecuteAsync($"update {State} set version = ? where id = 1", cancellation, Version);
            // The inbox's kept nearby problems were found among rows now played again: found again from these.
            Inbox.InboxReports.ForgetNearby(session);
            await session.SaveChangesAsync(cancellation);
        }, cancellation);
        return played;
    }
}
