using Npgsql;
using Octans.Testing;

namespace Octans.Api.Tests.Operations;

public sealed class PostGisTests
{
    [Fact]
    public async Task Db_apply_enables_PostGIS_and_a_second_run_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await OctansProcess.ApplySchemaAsync(database);

        var (exitCode, output) = await OctansProcess.RunAsync("db-apply", database.AppConnectionString, "Production", owner: database.ConnectionString);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("3 unchanged, 0 migrated");
        await using var connection = new NpgsqlConnection(database.AppConnectionString);
        await connection.OpenAsync();
        await using var distance = new NpgsqlCommand(
            "select round(st_distance('SRID=4326;POINT(-0.4172 51.8862)'::geography, 'SRID=4326;POINT(-0.4172 51.8872)'::geography))", connection);
        Convert.ToInt32(await distance.ExecuteScalarAsync()).ShouldBe(111);
    }

    [Fact]
    public async Task Db_apply_where_PostGIS_is_missing_and_the_owner_may_not_add_it_says_what_to_install_and_who_runs_what()
    {
        await using var server = await TestDatabase.CreateAsync();
        var role = $"octans_no_postgis_{Guid.NewGuid().ToString("N")[..8]}";
        var name = $"{server.Name}_bare";
        await Run(server.ConnectionString, $"create role {role} login password 'bare'", $"create database {name} owner {role} template template0");
        try
        {
            var bare = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Username = role, Password = "bare" }.ConnectionString;

            var (exitCode, output) = await OctansProcess.RunAsync("db-apply", bare, "Production", owner: bare);

            exitCode.ShouldBe(1, output);
            output.ShouldContain($"PostGIS is missing from the database {name}");
            output.ShouldMatch(@"apt-get install postgresql-\d+-postgis-3");
            output.ShouldContain("have a superuser run CREATE EXTENSION postgis; in the database");
            output.ShouldNotContain("Exception");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Run(server.ConnectionString, $"drop database if exists {name} with (force)", $"drop role if exists {role}");
        }
    }

    private static async Task Run(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
