using Marten;
using Weasel.Postgresql.Tables;
using Octans.Api.Setup;

namespace Octans.Api.ReferenceData;

public static class ReferenceDataStorage
{
    public const string ReferenceCounters = "problem_reference_counters";

    public static void ConfigureReferenceData(this StoreOptions options)
    {
        options.Schema.For<Team>();
        options.Schema.For<Area>();
        options.Schema.For<Category>();

        // Problem references are numbered per area with no gaps: the next number is taken under a row lock
        // in the same transaction that starts the problem's stream, so a rollback gives the number back.
        var counters = new Table(new Weasel.Postgresql.PostgresqlObjectName(DatabaseSettings.MartenSchema, ReferenceCounters, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        counters.AddColumn<string>("area_code").AsPrimaryKey();
        counters.AddColumn<int>("last_number").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(counters);
    }

    public static async Task SeedAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var teams = (await session.Query<Team>().Select(t => t.Id).ToListAsync(cancellation)).ToHashSet();
        foreach (var team in Team.Defaults.Where(t => !teams.Contains(t.Id))) session.Insert(team);

        var areas = (await session.Query<Area>().Select(a => a.Id).ToListAsync(cancellation)).ToHashSet();
        foreach (var area in Area.Defaults.Where(a => !areas.Contains(a.Id))) session.Insert(area);

        // Categories are seeded once: an administrator may later remove a default and it must stay removed.
        if (!await session.Query<Category>().AnyAsync(cancellation))
            foreach (var name in Category.DefaultNames) session.Insert(new Category { Id = name });

        await session.SaveChangesAsync(cancellation);
    }
}
