using System.Security.Cryptography;
using Npgsql;
using Octans.Api.Setup;
using Octans.Testing;

namespace Octans.Api.Tests.Operations;

/// <summary>Upgrades: db-apply is safe to run again, and a node refuses a schema older than its own until db-apply has run.</summary>
public sealed class SchemaVersionTests
{
    private static readonly Dictionary<string, string> Production = new()
    {
        [KeyEncryption.SecretSetting.Replace(":", "__")] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    [Fact]
    public async Task Db_apply_run_a_second_time_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await OctansProcess.ApplySchemaAsync(database);
        var before = await SchemaAsync(database);

        var (exitCode, output) = await OctansProcess.RunAsync("db-apply", database.AppConnectionString, "Production", owner: database.ConnectionString);

        exitCode.ShouldBe(0, output);
        output.ShouldNotContain("rebuilt");
        (await SchemaAsync(database)).ShouldBe(before);
    }

    [Fact]
    public async Task A_production_node_refuses_to_start_on_a_schema_older_than_its_own_until_db_apply_has_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        await OctansProcess.ApplySchemaAsync(database);

        // As a database last applied by an earlier release: its record of each part in turn is that release's.
        foreach (var part in new[] { "Octans' own tables", "Wolverine's tables", "Hangfire's tables" })
        {
            var quoted = part.Replace("'", "''");
            await ExecuteAsync(database, $"update {SchemaVersions.Table} set fingerprint = 'an-earlier-release:' || fingerprint where part = '{quoted}'");

            var (exitCode, output) = await OctansProcess.RunAsync("--urls http://127.0.0.1:0", database.AppConnectionString, "Production", settings: Production);

            exitCode.ShouldBe(1, output);
            output.ShouldContain($"The database's schema is older than this version of Octans ({SchemaVersions.Release}) expects: {part} are not as it needs them. " +
                                 "Run db-apply as the database's owner with this release, then start Octans again.");
            if (part != "Hangfire's tables")
                await ExecuteAsync(database, $"update {SchemaVersions.Table} set fingerprint = replace(fingerprint, 'an-earlier-release:', '') where part = '{quoted}'");
        }

        await OctansProcess.ApplySchemaAsync(database);
        await using var octans = await OctansProcess.ServeAsync(database.AppConnectionString, Production, "Production");
        await octans.WaitForOutput("The database is ready");
    }

    [Fact]
    public async Task A_node_of_the_release_before_still_starts_once_a_newer_release_has_applied_its_schema()
    {
        await using var database = await TestDatabase.CreateAsync();
        await OctansProcess.ApplySchemaAsync(database);
        // A newer release's db-apply adds its own records beside this one's.
        await ExecuteAsync(database, $"insert into {SchemaVersions.Table} (part, fingerprint, release, applied) select part, 'a-newer-release-' || part, '9.9.9', now() from {SchemaVersions.Table}");

        await using var octans = await OctansProcess.ServeAsync(database.AppConnectionString, Production, "Production");
        await octans.WaitForOutput("The database is ready");
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // Every column, index, function, trigger and right of the three schemas, and what db-apply records.
    private static async Task<string> SchemaAsync(TestDatabase database)
    {
        const string schemas = "('octans', 'wolverine', 'hangfire')";
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select string_agg(line, E'\n' order by line) from (
              select concat_ws(' ', 'column', table_schema, table_name, column_name, data_type, column_default, is_nullable) as line
                from information_schema.columns where table_schema in {schemas}
              union all select concat_ws(' ', 'index', schemaname, indexname, indexdef) from pg_indexes where schemaname in {schemas}
              union all select concat_ws(' ', 'function', n.nspname, p.oid, p.proname, md5(p.prosrc)) from pg_proc p
                join pg_namespace n on n.oid = p.pronamespace where n.nspname in {schemas}
              union all select concat_ws(' ', 'trigger', t.oid, pg_get_triggerdef(t.oid)) from pg_trigger t join pg_class c on c.oid = t.tgrelid
                join pg_namespace n on n.oid = c.relnamespace where n.nspname in {schemas} and not t.tgisinternal
              union all select concat_ws(' ', 'right', grantee, table_schema, table_name, privilege_type) from information_schema.role_table_grants
                where table_schema in {schemas}
              union all select concat_ws(' ', 'recorded', part, fingerprint, release, applied) from {SchemaVersions.Table}
              union all select concat_ws(' ', 'hangfire', version) from hangfire.schema
              union all select concat_ws(' ', 'read models', version) from octans.read_models
            ) lines
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
