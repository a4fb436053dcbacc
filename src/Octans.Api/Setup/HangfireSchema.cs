using Hangfire.PostgreSql;
using JasperFx;
using JasperFx.Descriptors;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Octans.Api.Setup;

/// <summary>
/// Lets <c>db-apply</c> install Hangfire's schema beside Marten's and Wolverine's, through Hangfire.PostgreSql's own
/// installer (which is versioned and idempotent), so Production never needs Hangfire to create tables on start.
/// </summary>
public sealed class HangfireSchema(DatabaseSettings settings) : IDatabase
{
    public AutoCreate AutoCreate => AutoCreate.CreateOrUpdate;
    public Migrator Migrator { get; } = new PostgresqlMigrator();
    public string Identifier => "octans-hangfire";
    public DatabaseId Id => new(Builder.Host ?? "localhost", Builder.Database ?? "octans");
    public List<string> TenantIds { get; } = [];

    private NpgsqlConnectionStringBuilder Builder => new(settings.ConnectionString);

    public DatabaseDescriptor Describe() => new(this)
    {
        Engine = "PostgreSQL",
        ServerName = Builder.Host ?? "",
        Port = Builder.Port,
        DatabaseName = Builder.Database ?? "",
        SchemaOrNamespace = DatabaseSettings.HangfireSchema,
        Identifier = Identifier,
    };

    public async Task<SchemaPatchDifference> ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate? @override = null,
        ReconnectionOptions? reconnectionOptions = null, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        var before = await InstalledVersionAsync(connection, ct);
        PostgreSqlObjectsInstaller.Install(connection, DatabaseSettings.HangfireSchema);
        var after = await InstalledVersionAsync(connection, ct);
        return before == after ? SchemaPatchDifference.None : before is null ? SchemaPatchDifference.Create : SchemaPatchDifference.Update;
    }

    private static async Task<int?> InstalledVersionAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand($"select to_regclass('{DatabaseSettings.HangfireSchema}.schema') is not null", connection);
        if (await exists.ExecuteScalarAsync(ct) is not true) return null;
        await using var version = new NpgsqlCommand($"select max(version) from {DatabaseSettings.HangfireSchema}.schema", connection);
        return await version.ExecuteScalarAsync(ct) is int installed ? installed : null;
    }

    public Task AssertConnectivityAsync(CancellationToken ct = default) => Task.CompletedTask;
    public IFeatureSchema[] BuildFeatureSchemas() => [];
    public string[] AllSchemaNames() => [DatabaseSettings.HangfireSchema];
    public IEnumerable<ISchemaObject> AllObjects() => [];
    public Task<SchemaMigration> CreateMigrationAsync(IFeatureSchema group, CancellationToken ct = default) => CreateMigrationAsync(ct);
    public Task<SchemaMigration> CreateMigrationAsync(CancellationToken ct = default) => Task.FromResult(new SchemaMigration([]));
    public string ToDatabaseScript() => "-- Hangfire's schema is installed by Hangfire.PostgreSql's own versioned installer.";
    public Task WriteCreationScriptToFileAsync(string filename, CancellationToken ct = default) => File.WriteAllTextAsync(filename, ToDatabaseScript(), ct);
    public Task WriteScriptsByTypeAsync(string directory, CancellationToken ct = default) => Task.CompletedTask;
    public Task AssertDatabaseMatchesConfigurationAsync(CancellationToken ct = default) => Task.CompletedTask;
}
