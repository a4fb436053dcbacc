using System.Diagnostics;
using Npgsql;

namespace Octans.Benchmarks.Chaos;

public sealed partial class ReleaseScenario
{
    /// <summary>The release's ops/backup run as the nightly unit runs it, and its ops/restore into the database the runbook makes for trying one.</summary>
    private static async Task<IReadOnlyList<Finding>> BackupAsync(ReleaseInstall install, ThrowawayCluster server, RunbookDatabase database,
        CancellationToken cancellation)
    {
        var folder = Directory.CreateTempSubdirectory("octans-backups-").FullName;
        var restoredName = await database.MakeRestoreDatabaseAsync(server, Path.Combine(install.Current, "docs/operations.md"), cancellation);
        var restored = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = restoredName }.ConnectionString;
        try
        {
            var clock = Stopwatch.StartNew();
            await ScriptAsync(install, "ops/backup", [], folder, database.ConnectionString, cancellation);
            var took = clock.Elapsed;
            var file = Directory.GetFiles(folder, "octans-*.dump").Single();
            await ScriptAsync(install, "ops/restore", [file], folder, restored, cancellation);
            var (kept, back) = (await EventsAsync(database.ConnectionString, cancellation), await EventsAsync(restored, cancellation));
            return
            [
                new("The release's `ops/backup` (as octans-backup.service runs it), then `ops/restore` into a new database",
                    $"{new FileInfo(file).Length / 1024.0 / 1024:0.0} MB in {took.TotalSeconds:0.0} s; {back:#,0} of {kept:#,0} events back", "every event back",
                    back == kept),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellation);
            await using var drop = new NpgsqlCommand($"drop database if exists \"{restoredName}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync(cancellation);
        }
    }

    private static async Task ScriptAsync(ReleaseInstall install, string script, string[] arguments, string folder, string owner, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Path.Combine(install.Current, script)) { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["OCTANS_DB_OWNER"] = owner;
        start.Environment["OCTANS_DB"] = owner;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0) throw new InvalidOperationException($"The release's {script} failed:\n{await output}{await errors}");
    }

    private static async Task<long> EventsAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var count = new NpgsqlCommand("select count(*) from octans.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync(cancellation))!;
    }
}
