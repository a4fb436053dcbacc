using Marten;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Producing;
using Octans.Api.Setup;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;

namespace Octans.Benchmarks;

/// <summary>
/// A database of its own holding a generated area: 500 problems and about 10,000 actions over the twelve months to
/// October 2026, written as back-dated events through Octans' own store configuration. Dropped when disposed.
/// </summary>
public sealed class PackArea : IAsyncDisposable
{
    public const string Area = "High Town";
    public const int Problems = 500;
    public const int Actions = 10_000;
    public static readonly PackMonth Month = new(2026, 10);

    private readonly TestDatabase? _database;

    private PackArea(TestDatabase? database, DocumentStore store, int events, int actions)
    {
        _database = database;
        Store = store;
        Events = events;
        ActionCount = actions;
    }

    public DocumentStore Store { get; }
    public string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("This area was opened, not created.");
    public int Events { get; }
    public int ActionCount { get; }

    public IReadOnlyList<PartnerTeam> Teams { get; } = Team.Defaults.Select(t => new PartnerTeam(t.Id, t.Name, t.Partner)).ToList();

    public static async Task<PackArea> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var store = DocumentStore.For(options => options.ConfigureOctans(database.ConnectionString, createSchema: true));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await ReferenceDataStorage.SeedAsync(store, CancellationToken.None);
        var (events, actions) = await WriteAsync(store);
        return new PackArea(database, store, events, actions);
    }

    /// <summary>Writes the area's back-dated histories into a store whose reference data is already seeded.</summary>
    public static async Task<(int Events, int Actions)> WriteAsync(IDocumentStore store)
    {
        var scripts = GeneratedArea.Create(PackMonthDates.Of(Month.Year, Month.Month), Problems, Actions, area: Area);
        foreach (var batch in scripts.Chunk(50))
        {
            await using var session = store.LightweightSession();
            foreach (var script in batch)
                session.Events.StartStream<Problem>(script.Id, [.. script.Events]);
            await session.SaveChangesAsync();
        }
        // The next problem reported in the area takes the number after the generated ones.
        await using (var session = store.LightweightSession())
        {
            ProblemReferences.ContinueAfter(session, Octans.Api.ReferenceData.Area.HighTown.Id, scripts.Count);
            await session.SaveChangesAsync();
        }
        return (scripts.Sum(s => s.Events.Count), scripts.Sum(s => s.State.Actions.Count));
    }

    /// <summary>Opens an area another process created, to measure the pack in a process that did nothing else.</summary>
    public static PackArea Open(string connectionString) =>
        new(null, DocumentStore.For(options => options.ConfigureOctans(connectionString, createSchema: false)), 0, 0);

    /// <summary>The model from the histories read out of the event store; the teams are given, so only the events are read.</summary>
    public async Task<MonthlyPackModel> AssembleAsync()
    {
        await using var session = Store.QuerySession();
        var ids = await ProblemRows.ReportedInAreaAsync(session, Area, Month.Cutoff, CancellationToken.None);
        return MonthlyPackModel.From(Area, Month, await MonthlyPackHistory.LoadAsync(session, ids, CancellationToken.None), Teams);
    }

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
