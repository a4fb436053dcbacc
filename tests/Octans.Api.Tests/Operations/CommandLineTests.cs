using Npgsql;
using Octans.Testing;

namespace Octans.Api.Tests.Operations;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_answers_even_when_the_database_is_down()
    {
        var (exitCode, output) = await OctansProcess.RunAsync("help", "Host=127.0.0.1;Port=1;Database=octans;Username=octans;Password=none");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("db-apply");
    }

    [Fact]
    public async Task Db_apply_creates_the_schema_of_Marten_Wolverine_and_Hangfire()
    {
        await using var database = await TestDatabase.CreateAsync();

        var (exitCode, output) = await OctansProcess.RunAsync("db-apply", database.ConnectionString, environment: "Production");

        exitCode.ShouldBe(0, output);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "octans.mt_events", "octans.mt_streams", "octans.mt_doc_user", "octans.problem_reference_counters", "octans.monthly_packs", "wolverine.wolverine_nodes", "wolverine.wolverine_incoming_envelopes", "hangfire.job", "hangfire.schema" })
        {
            await using var exists = new NpgsqlCommand($"select to_regclass('{table}') is not null", connection);
            (await exists.ExecuteScalarAsync()).ShouldBe(true, $"{table} should exist after db-apply");
        }
    }

    [Fact]
    public async Task The_apps_role_does_not_start_on_read_models_another_version_kept_until_db_apply_has_rebuilt_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        await OctansProcess.ApplySchemaAsync(database);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var older = new NpgsqlCommand("update octans.read_models set version = 0", connection);
            (await older.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await using (var stale = await OctansProcess.ServeAsync(database.AppConnectionString))
        {
            await stale.WaitForOutput("The read models were kept by another version of Octans. Run db-apply as the database's owner, which rebuilds them, then start Octans again.");
            using var client = new HttpClient { BaseAddress = stale.Address };
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        }

        await OctansProcess.ApplySchemaAsync(database);
        await using var octans = await OctansProcess.ServeAsync(database.AppConnectionString);
        await octans.WaitForOutput("The database is ready");
    }
}
