using System.Security.Cryptography;
using System.Text;
using Marten;
using Weasel.Core.Migrations;
using Wolverine.Runtime;

namespace Octans.Api.Setup;

/// <summary>
/// Which schema this build of Octans expects, and whether the database has it. Each of the three schemas — Octans' own
/// (Marten's), Wolverine's and Hangfire's — has a fingerprint: a digest of the SQL this build would write for it. <c>db-apply</c>
/// records the fingerprints it applied; a node that does not change the schema itself refuses to start when the database
/// holds no record of its own, with a sentence that says to run <c>db-apply</c>. The records of earlier releases stay
/// beside a newer one's, and a newer release only adds tables and columns, so nodes of the release before keep starting
/// while the others are upgraded one by one.
/// </summary>
public static class SchemaVersions
{
    public const string TableName = "schema_versions";
    public static readonly string Table = ReadTables.Qualified(TableName);

    /// <summary>One of the three schemas, in the words an operator reads in the refusal.</summary>
    public sealed record Part(string Name, string Fingerprint);

    public static void Declare(StoreOptions options) =>
        options.Declare(TableName, table =>
        {
            table.AddColumn("fingerprint", "text").AsPrimaryKey();
            table.AddColumn("part", "text").NotNull();
            table.AddColumn("release", "text").NotNull();
            // No default: Marten would read PostgreSQL's spelling of it as a change to make, on every start in Development.
            table.AddColumn("applied", "timestamp with time zone").NotNull();
        });

    /// <summary>What this build expects of the database, worked out without reaching it.</summary>
    public static IReadOnlyList<Part> Expected(IServiceProvider services)
    {
        var marten = services.GetRequiredService<IDocumentStore>().Storage.Database;
        var wolverine = services.GetRequiredService<IWolverineRuntime>().Storage as IDatabase
            ?? throw new InvalidOperationException("Wolverine keeps its messages somewhere other than PostgreSQL, which Octans does not expect.");
        var hangfire = services.GetRequiredService<HangfireSchema>();
        return [new("Octans' own tables", Digest(marten)), new("Wolverine's tables", Digest(wolverine)), new("Hangfire's tables", Digest(hangfire))];
    }

    /// <summary>The statements db-apply sends, as the owner, once the three schemas are applied: a record of each, kept once.</summary>
    public static IEnumerable<string> Record(IReadOnlyList<Part> parts) =>
        parts.Select(part =>
            $"insert into {Table} (part, fingerprint, release, applied) values ({Literal(part.Name)}, {Literal(part.Fingerprint)}, {Literal(Release)}, now()) on conflict do nothing");

    /// <summary>The first of this build's schemas the database holds no record of, or null when it has them all.</summary>
    public static async Task<Part?> MissingAsync(IDocumentStore store, IReadOnlyList<Part> expected, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var exists = await session.ReadFirstAsync($"select to_regclass('{Table}') is not null", r => r.GetBoolean(0), cancellation);
        if (!exists) return expected[0];
        var recorded = await session.ReadAsync($"select part, fingerprint from {Table}", r => (r.GetString(0), r.GetString(1)), cancellation);
        return expected.FirstOrDefault(part => !recorded.Contains((part.Name, part.Fingerprint)));
    }

    /// <summary>The sentence a node refuses to start with.</summary>
    public static string Refusal(Part part) =>
        $"The database's schema is older than this version of Octans ({Release}) expects: {part.Name} are not as it needs them. " +
        "Run db-apply as the database's owner with this release, then start Octans again.";

    /// <summary>The release, as ops/publish stamped it (the version and the commit).</summary>
    public static string Release { get; } =
        typeof(SchemaVersions).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    private static string Digest(IDatabase database) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database.ToDatabaseScript())))[..16];

    private static string Literal(string text) => $"'{text.Replace("'", "''")}'";
}
