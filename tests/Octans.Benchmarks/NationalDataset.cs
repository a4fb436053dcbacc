using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using Marten.Events;
using Marten;
using Npgsql;
using Octans.Api.Inbox;
using Octans.Api.Problems;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Weasel.Core;

namespace Octans.Benchmarks;

public sealed record NationalArea(string Name, string Code, IReadOnlyList<Team> Teams);

/// <summary>
/// Octans at national scale: 40 areas, each with six partner teams, and 10,000 problems whose histories (about a
/// hundred events each, a million in all) are decided by the domain itself over up to two years, so every event is
/// one the app would have accepted. Events are loaded with Marten's COPY-based bulk event import, in time order, the problems'
/// snapshots (as the inline projection would have left them) with its document bulk insert, and the read models are then
/// played from the events.
/// </summary>
public sealed class NationalDataset : IAsyncDisposable
{
    public const int AreaCount = 40;
    public const int FullProblemCount = 10_000;

    private NationalDataset(BenchDatabase database, IReadOnlyList<NationalArea> areas, IReadOnlyList<Guid> problemIds, long events,
        int actions, TimeSpan loadTime, TimeSpan generateTime)
    {
        Database = database;
        Areas = areas;
        ProblemIds = problemIds;
        Events = events;
        Actions = actions;
        LoadTime = loadTime;
        GenerateTime = generateTime;
    }

    public BenchDatabase Database { get; }
    public IReadOnlyList<NationalArea> Areas { get; }
    public IReadOnlyList<Guid> ProblemIds { get; }
    public long Events { get; }
    public int Actions { get; }

    /// <summary>Wall time of the whole load, generation included.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The part of <see cref="LoadTime"/> spent deciding the histories in memory.</summary>
    public TimeSpan GenerateTime { get; }

    public static DocumentStore OpenStore(string connectionString) =>
        DocumentStore.For(options => options.ConfigureOctans(DatabaseSettings.WithDefaults(connectionString), createSchema: false));

    /// <summary>For development: a national database kept by an earlier run with --keep-national, read back instead of loaded.</summary>
    public static async Task<NationalDataset> ReuseAsync(BenchContext context, string name, CancellationToken cancellation)
    {
        var database = BenchDatabase.Existing(context, name);
        // Kept by an earlier build, perhaps: brought to this one's schema first.
        await database.ApplySchemaAsync(context, cancellation);
        using var store = OpenStore(database.ConnectionString);
        await using var session = store.QuerySession();
        var areas = (await session.Query<Area>().ToListAsync(cancellation)).Where(a => a.Id.StartsWith('N')).OrderBy(a => a.Id).ToList();
        var teams = await session.Query<Team>().ToListAsync(cancellation);
        var ids = await session.Query<Problem>().Select(p => p.Id).ToListAsync(cancellation);
        var events = await session.Events.QueryAllRawEvents().CountAsync(cancellation);
        var actions = await session.ReadFirstAsync($"select count(*)::int from {TeamTasks.Table}", r => r.GetInt32(0), cancellation);
        context.Say($"national: reusing {name}: {ids.Count:#,0} problems, {events:#,0} events");
        // The keys the run that kept it stored were sealed with that run's secret, which a node of this run refuses to
        // start without; they are the benchmark's own, so they go, and this run's first node makes new ones. The reports
        // that run took go from the inbox too, so this run's uploads take theirs again.
        await using (var forget = store.LightweightSession())
        {
            forget.DeleteWhere<DataProtectionKey>(_ => true);
            forget.Delete<SigningKey>(SigningKey.CurrentId);
            // As are the administrator's two-step secrets, so this run sets them up again as a first run does.
            foreach (var admin in await forget.Query<User>().Where(u => u.Role == Role.Admin).ToListAsync(cancellation))
            {
                (admin.AuthenticatorSecret, admin.AuthenticatorLastStep, admin.RecoveryCodeHashes) = (null, 0, []);
                forget.Store(admin);
            }
            forget.QueueSqlCommand($"delete from {InboxReports.Table}");
            forget.QueueSqlCommand($"delete from {InboxReports.Counts}");
            await forget.SaveChangesAsync(cancellation);
        }
        return new NationalDataset(database,
            areas.Select(a => new NationalArea(a.Name, a.Id, teams.Where(t => t.Partner == $"{a.Name} partnership").OrderBy(t => t.Id).ToList())).ToList(),
            ids, events, actions, TimeSpan.Zero, TimeSpan.Zero);
    }

    public static async Task<NationalDataset> LoadAsync(BenchContext context, CancellationToken cancellation)
    {
        if (context.Settings.ReuseNational is { } reuse) return await ReuseAsync(context, reuse, cancellation);
        var problems = (int)Math.Round(FullProblemCount * context.Settings.Scale);
        var database = await BenchDatabase.CreateAsync(context, "national", cancellation);
        database.Keep = context.Settings.KeepNational;
        try
        {
            context.Say($"national: loading {problems:#,0} problems in {AreaCount} areas");
            using var store = OpenStore(database.ConnectionString);
            var areas = Enumerable.Range(1, AreaCount).Select(MakeArea).ToList();
            await using (var session = store.LightweightSession())
            {
                session.Store(areas.Select(a => new Area { Id = a.Code, Name = a.Name }).ToArray());
                session.Store(areas.SelectMany(a => a.Teams).ToArray());
                await session.SaveChangesAsync(cancellation);
            }

            var now = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var generating = new Stopwatch();
            var copyingEvents = new Stopwatch();
            var copyingDocuments = new Stopwatch();
            var ids = new List<Guid>(problems);
            long events = 0;
            var actions = 0;
            foreach (var (area, index) in areas.Select((a, i) => (a, i)))
            {
                var inArea = problems / AreaCount + (index < problems % AreaCount ? 1 : 0);
                generating.Start();
                var histories = Enumerable.Range(0, inArea).AsParallel().AsOrdered()
                    .Select(n => ProblemHistories.Decide(area, n + 1, now, new Random(index * 100_000 + n))).ToList();
                var snapshots = histories.Select(h => Problem.Replay(h.Events)).ToList();
                generating.Stop();

                // Events go in in the order they happened, problems interleaved, as a live store would have them: a
                // rebuild then meets many problems in every page of events, not one problem's history at a time.
                var headers = histories.Select(h => new BulkEventStreamHeader
                {
                    Id = h.ProblemId, Version = h.Events.Count, AggregateType = typeof(Problem),
                }).ToList();
                var ordered = histories
                    .SelectMany(h => h.Events.Select((e, i) => (History: h, Data: e, Version: i + 1)))
                    .OrderBy(x => x.Data.At)
                    .Select(x =>
                    {
                        var e = store.Events.BuildEvent(x.Data);
                        e.StreamId = x.History.ProblemId;
                        e.Version = x.Version;
                        e.Timestamp = x.Data.At;
                        return e;
                    })
                    .ToList();
                copyingEvents.Start();
                await store.BulkInsertEventStreamAsync(StorageConstants.DefaultTenantId, headers, Stream(ordered), 5_000, cancellation);
                copyingEvents.Stop();

                copyingDocuments.Start();
                await store.BulkInsertAsync(snapshots, BulkInsertMode.InsertsOnly, 1_000, cancellation);
                copyingDocuments.Stop();
                await using (var session = store.LightweightSession())
                {
                    ProblemReferences.ContinueAfter(session, area.Code, inArea);
                    await session.SaveChangesAsync(cancellation);
                }

                ids.AddRange(histories.Select(h => h.ProblemId));
                events += histories.Sum(h => h.Events.Count);
                actions += snapshots.Sum(p => p.Actions.Count);
                if ((index + 1) % 10 == 0) context.Say($"national: {index + 1} areas, {events:#,0} events, {clock.Elapsed.TotalSeconds:0} s");
            }
            // The read models are played from the events, as a rebuild does: the one way they are ever written.
            var reading = Stopwatch.StartNew();
            await ProblemReadModels.RebuildAsync(store, cancellation);
            context.Say($"national: read models played from {events:#,0} events in {reading.Elapsed.TotalSeconds:0.0} s");
            clock.Stop();
            await database.ExecuteAsync("vacuum analyze", cancellation);
            if (database.Keep) context.Say($"national: keeping the database {database.Name} (--reuse-national {database.Name})");
            context.Say($"national: {ids.Count:#,0} problems, {events:#,0} events, {actions:#,0} actions loaded in {clock.Elapsed.TotalSeconds:0.0} s " +
                        $"({generating.Elapsed.TotalSeconds:0.0} s deciding the histories, {copyingEvents.Elapsed.TotalSeconds:0.0} s copying events, " +
                        $"{copyingDocuments.Elapsed.TotalSeconds:0.0} s copying problems' snapshots)");
            return new NationalDataset(database, areas, ids, events, actions, clock.Elapsed, generating.Elapsed);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static NationalArea MakeArea(int number)
    {
        var name = ProblemHistories.Places[(number - 1) % ProblemHistories.Places.Length] + (number > ProblemHistories.Places.Length ? $" {number}" : "");
        var code = $"N{number:00}";
        string[] kinds = ["Street Lighting", "Clean Streets", "Environmental Enforcement", "Housing", "Neighbourhood Policing", "Outreach"];
        var teams = kinds.Select((kind, k) => new Team
        {
            Id = new Guid($"0196b000-0000-7000-8000-{number:000000}{k:000000}"), Name = $"{kind}, {name}", Partner = $"{name} partnership",
        }).ToList();
        return new NationalArea(name, code, teams);
    }

    private static async IAsyncEnumerable<IEvent> Stream(IEnumerable<IEvent> events)
    {
        foreach (var e in events) yield return e;
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
