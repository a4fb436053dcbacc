using Marten;

namespace Octans.Api.ReferenceData;

public static class ReferenceDataStorage
{
    public static void ConfigureReferenceData(this StoreOptions options)
    {
        options.Schema.For<Team>();
        options.Schema.For<Area>();
        options.Schema.For<Category>();
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
