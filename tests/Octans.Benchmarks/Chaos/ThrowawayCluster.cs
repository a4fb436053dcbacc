using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// A PostgreSQL cluster of ops/chaos's own, in a temporary folder on a free port of 127.0.0.1, so stopping it under
/// load harms nothing else. Made with the same binaries ops/db uses; deleted when disposed.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private ThrowawayCluster(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    /// <summary>The superuser's connection string, to the postgres database; it owns the schema of every database made here.</summary>
    public string Server => $"Host=127.0.0.1;Port={_port};Username=octans;Database=postgres;Pooling=true;Timeout=5";

    /// <summary>The role Octans runs as, which may add events but never change one (db-apply grants its rights).</summary>
    public const string AppRole = "octans_app";

    /// <param name="appRole">Whether to make <see cref="AppRole"/>; a cluster that stands for a new server, set up as the runbook says, has none yet.</param>
    public static async Task<ThrowawayCluster> CreateAsync(CancellationToken cancellation, bool appRole = true)
    {
        var bin = Environment.GetEnvironmentVariable("OCTANS_PG_BIN") is { Length: > 0 } given ? given
            : Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => d).FirstOrDefault()
              ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql: run ops/db start once, which installs them.");
        var folder = Path.Combine(Path.GetTempPath(), $"octans-chaos-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        var cluster = new ThrowawayCluster(bin, folder, FreePort());
        if (Environment.UserName == "root") await RunAsync("chown", $"postgres \"{folder}\"", cancellation);
        await cluster.PgAsync("initdb", $"-D \"{cluster.Data}\" -U octans --auth=trust -E UTF8 --locale=C.UTF-8", cancellation);
        await cluster.StartAsync(cancellation);
        if (!appRole) return cluster;
        await using (var connection = new NpgsqlConnection(cluster.Server))
        {
            await connection.OpenAsync(cancellation);
            await using var role = new NpgsqlCommand($"create role {AppRole} login", connection);
            await role.ExecuteNonQueryAsync(cancellation);
        }
        return cluster;
    }

    private string Data => Path.Combine(_folder, "data");

    public int Port => _port;

    /// <summary>The cluster's client authentication file, which <c>select pg_reload_conf()</c> reads again.</summary>
    public string HbaFile => Path.Combine(Data, "pg_hba.conf");

    /// <summary>The psql of the same binaries.</summary>
    public string Psql => Path.Combine(_bin, "psql");

    public Task StartAsync(CancellationToken cancellation) =>
        PgAsync("pg_ctl", $"-D \"{Data}\" -l \"{Path.Combine(_folder, "log")}\" -w -o \"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=300\" start", cancellation);

    /// <summary>A fast shutdown: every connection is cut, as when the database server goes away.</summary>
    public Task StopAsync(CancellationToken cancellation) => PgAsync("pg_ctl", $"-D \"{Data}\" -m fast -w stop", cancellation);

    public async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(Server + ";Pooling=false");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private Task PgAsync(string program, string arguments, CancellationToken cancellation) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", $"-u postgres -- \"{Path.Combine(_bin, program)}\" {arguments}", cancellation)
            : RunAsync(Path.Combine(_bin, program), arguments, cancellation);

    private static async Task RunAsync(string program, string arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed:\n{await output}\n{await errors}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_folder, recursive: true);
    }
}
