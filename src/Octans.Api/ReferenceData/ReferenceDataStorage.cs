using Marten;
using Marten.Schema;
using Npgsql;

namespace Octans.Api.ReferenceData;

public static class ReferenceDataStorage
{
    private const string TeamName = "mt_doc_team_uidx_name", CategoryName = "mt_doc_category_uidx_name";

    /// <summary>
    /// Marten's table of categories, and its columns of <see cref="Category.Sensitive"/> and <see cref="Category.Teams"/>,
    /// for SQL that asks who may see a problem.
    /// </summary>
    public static readonly string Categories = Setup.ReadTables.Qualified("mt_doc_category");
    public const string CategoryId = "id", CategorySensitive = "sensitive", CategoryTeams = "teams";

    public static void ConfigureReferenceData(this StoreOptions options)
    {
        // Names are checked before they are added, but two people adding the same name at once both pass that check;
        // these indexes are what keeps the second out.
        options.Schema.For<Team>().Index(t => t.Name, index => (index.Name, index.IsUnique, index.Casing) = (TeamName, true, ComputedIndex.Casings.Lower));
        options.Schema.For<Area>();
        options.Schema.For<Category>().Index(c => c.Id, index => (index.Name, index.IsUnique, index.Casing) = (CategoryName, true, ComputedIndex.Casings.Lower))
            .Duplicate(c => c.Sensitive, pgType: "boolean").Duplicate(c => c.Teams, pgType: "uuid[]", notNull: true);
    }

    /// <summary>The field and sentence for a save refused because the name of a team or category was taken meanwhile.</summary>
    public static (string Field, string Message)? NameTaken(Exception exception)
    {
        const string team = "There is already a team with this name.", category = "There is already a category with this name.";
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            // A category's name is its id, so the same name in the same case is already a document with that id.
            if (cause is JasperFx.DocumentAlreadyExistsException { DocType: var type } && type == typeof(Category)) return ("name", category);
            if (cause is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
                return unique.ConstraintName switch
                {
                    TeamName => ("name", team),
                    CategoryName => ("name", category),
                    _ => null,
                };
        }
        return null;
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
