using System.Diagnostics;
using Npgsql;

namespace Octans.Benchmarks;

/// <summary>
/// A database of its own on the benchmark's server, with Octans' schema installed the way an operator installs it
/// (<c>octans db-apply</c> in Production), dropped when disposed.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name, string? appRole = null)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        AppConnectionString = appRole is null ? ConnectionString
            : new NpgsqlConnectionStringBuilder(server) { Database = name, Username = appRole, Password = null }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>The schema's owner's connection, which made the database.</summary>
    public string ConnectionString { get; }

    /// <summary>The connection Octans runs with: the app's role when one was given, which db-apply grants its rights to, else the owner's.</summary>
    public string AppConnectionString { get; }

    /// <summary>Left in place when disposed, so a development run can look into it or use it again.</summary>
    public bool Keep { get; set; }

    /// <summary>A database an earlier run kept (see <see cref="Keep"/>), used as it is and kept again.</summary>
    public static BenchDatabase Existing(BenchContext context, string name) => new(context.Server, name) { Keep = true };

    /// <summary>A new database; <paramref name="applySchema"/> false leaves it empty for an app that makes its own schema, as Development does.</summary>
    public static async Task<BenchDatabase> CreateAsync(BenchContext context, string purpose, CancellationToken cancellation, bool applySchema = true,
        string? appRole = null)
    {
        var database = new BenchDatabase(context.Server, $"octans_bench_{purpose}_{Guid.NewGuid().ToString("N")[..8]}", appRole);
        await using (var connection = new NpgsqlConnection(context.Server))
        {
            await connection.OpenAsync(cancellation);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellation);
        }
        if (applySchema) await database.ApplySchemaAsync(context, cancellation);
        return database;
    }

    /// <summary>Brings the database to this build's schema, as an operator does with db-apply.</summary>
    public async Task ApplySchemaAsync(BenchContext context, CancellationToken cancellation)
    {
        var start = OctansServer.StartInfo(context, AppConnectionString, "db-apply");
        start.Environment["OCTANS_DB_OWNER"] = ConnectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"octans db-apply failed:\n{await output}\n{await errors}");
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>The first column of the first row the query returns.</summary>
    public async Task<long> CountAsync(string sql, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Keep) return;
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
