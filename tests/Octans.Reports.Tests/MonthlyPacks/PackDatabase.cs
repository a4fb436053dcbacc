using Marten;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Domain;
using Octans.Testing;

namespace Octans.Reports.Tests.MonthlyPacks;

/// <summary>
/// A fresh database with Octans' own store configuration and reference data, for the pack tests that read the event
/// store. Each test writes its problems in an area of its own, so tests never see each other's events.
/// </summary>
public sealed class PackDatabase : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _areas;

    public DocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Store = DocumentStore.For(options => options.ConfigureOctans(_database.ConnectionString, production: false));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await ReferenceDataStorage.SeedAsync(Store, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Store.Dispose();
        await _database.DisposeAsync();
    }

    /// <summary>A new area name and reference code, e.g. ("Test Area 3", "TC").</summary>
    public (string Name, string Code) NewArea()
    {
        var n = Interlocked.Increment(ref _areas);
        return ($"Test Area {n}", $"T{(char)('A' + n)}");
    }

    public async Task WriteAsync(IEnumerable<ProblemScript> problems)
    {
        await using var session = Store.LightweightSession();
        foreach (var problem in problems)
            session.Events.StartStream<Problem>(problem.Id, [.. problem.Events]);
        await session.SaveChangesAsync();
    }

    public async Task AppendAsync(Guid problemId, IProblemEvent e)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(problemId, e);
        await session.SaveChangesAsync();
    }
}
