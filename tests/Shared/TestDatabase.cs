using System.Diagnostics;
using Npgsql;

namespace Octans.Testing;

/// <summary>
/// A database of its own for one test run, created fresh on the server ops/test started (or OCTANS_DB names)
/// and dropped afterwards, so runs never see each other's data or the data of ops/run. It is created by the owner's
/// role (OCTANS_DB_OWNER, or the local cluster's), which <see cref="ConnectionString"/> connects as; the app's own
/// role, which may add events but never change them, connects with <see cref="AppConnectionString"/>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TestDatabase(string server, string name, string connectionString, string appConnectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
        AppConnectionString = appConnectionString;
    }

    public string Name { get; }

    /// <summary>The schema's owner's connection to this database.</summary>
    public string ConnectionString { get; }

    /// <summary>The app's role's connection to this database, the one Octans runs as.</summary>
    public string AppConnectionString { get; }

    /// <summary>The prefix ops/test uses to sweep up databases a killed run left behind.</summary>
    public static string RunPrefix => $"octans_test_{Environment.GetEnvironmentVariable("OCTANS_TEST_RUN") ?? "adhoc"}_";

    public static async Task<TestDatabase> CreateAsync()
    {
        var (server, app) = Servers();
        var name = (RunPrefix + Guid.NewGuid().ToString("N")[..8]).ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            try
            {
                await create.ExecuteNonQueryAsync();
            }
            catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new InvalidOperationException(
                    "The tests make their databases as the schema's owner, and this role may not create one. Set OCTANS_DB_OWNER " +
                    "to the owner's connection string (for the local cluster: OCTANS_DB_OWNER=$(env -u OCTANS_DB ops/db owner-url)).", refused);
            }
        }
        return new TestDatabase(server, name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
            new NpgsqlConnectionStringBuilder(app) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Octans.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Run the tests from inside the Octans checkout.");
    }

    // The owner's and the app's servers. Outside ops/test (an IDE, a bare `dotnet test`) the local cluster is started the
    // way ops/test would. With OCTANS_DB alone, ops/db knows the owner when it is the local cluster's app role; on
    // another server that one role is both.
    private static (string Owner, string App) Servers()
    {
        var owner = Environment.GetEnvironmentVariable("OCTANS_DB_OWNER") is { Length: > 0 } o ? o : null;
        var app = Environment.GetEnvironmentVariable("OCTANS_DB") is { Length: > 0 } a ? a : null;
        if (app is not null) return (owner ?? OpsDb("owner-url"), app);
        var started = OpsDb("start");
        return (owner ?? OpsDb("owner-url"), started);
    }

    private static string OpsDb(string command)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "ops", "db"), command)
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length == 0)
            throw new InvalidOperationException($"ops/db {command} failed: {errors}");
        return output;
    }
}
