using System.Diagnostics;
using Npgsql;

namespace Octans.Testing;

/// <summary>
/// A database of its own for one test run, created fresh on the server ops/test started (or OCTANS_DB names)
/// and dropped afterwards, so runs never see each other's data or the data of ops/run.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _server;

    private TestDatabase(string server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>The prefix ops/test uses to sweep up databases a killed run left behind.</summary>
    public static string RunPrefix => $"octans_test_{Environment.GetEnvironmentVariable("OCTANS_TEST_RUN") ?? "adhoc"}_";

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("OCTANS_DB") is { Length: > 0 } configured ? configured : StartLocalServer();
        var name = (RunPrefix + Guid.NewGuid().ToString("N")[..8]).ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(server, name, builder.ConnectionString);
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

    // Outside ops/test (an IDE, a bare `dotnet test`) the local cluster is started the way ops/test would.
    private static string StartLocalServer()
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot(), "ops", "db"), "start")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length == 0)
            throw new InvalidOperationException($"ops/db start failed: {errors}");
        return output;
    }
}
