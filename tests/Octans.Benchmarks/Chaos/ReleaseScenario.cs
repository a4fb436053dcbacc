using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// The release as a council runs it: the tarball installed as docs/operations.md says, two nodes started as the systemd
/// unit starts them on one database, Debian's nginx in front with the release's own site, and a browser over HTTPS.
/// </summary>
public sealed partial class ReleaseScenario : IScenario
{
    private const int Clients = 8;
    private const string Email = "casey.coordinator@council.example";
    private const string Password = "a long password for the release";

    public string Name => "release";
    public string Title => "The release behind nginx, two nodes";
    public string Description =>
        "The tarball `ops/publish` made is unpacked as docs/operations.md says, on a PostgreSQL server whose database and roles are made by the runbook's own SQL " +
        "and `pg_hba.conf` line; systemd checks the release's units; `db-apply` runs from it twice, `add-user` makes a " +
        "coordinator, and two nodes start as `deploy/octans.service` starts them (as the `octans` user, with only their environment file, " +
        "in Production). Debian's nginx runs `deploy/nginx-octans.conf` with a certificate openssl made on the spot. A browser signs " +
        $"in through the pages over HTTP/2; {Clients} clients write through nginx; one node gets SIGTERM (as `systemctl stop`) under load " +
        "and is started again 8 s later. Then the release's `ops/backup` and `ops/restore` run. Sign-in is limited to 3 attempts a minute per address here, to show each client is counted apart.";

    public async Task<IReadOnlyList<Finding>> RunAsync(ChaosContext context, CancellationToken cancellation)
    {
        var tarball = Environment.GetEnvironmentVariable("OCTANS_RELEASE") is { Length: > 0 } given ? given
            : throw new InvalidOperationException("Run this through ops/chaos, which makes the release with ops/publish and names it in OCTANS_RELEASE.");
        await using var install = await ReleaseInstall.UnpackAsync(tarball, cancellation);
        // A server of its own, set up from nothing as the runbook's section 2 says: its roles sign in with passwords.
        await using var server = await ThrowawayCluster.CreateAsync(cancellation, appRole: false);
        var database = await RunbookDatabase.CreateAsync(server, Path.Combine(install.Current, "docs/operations.md"), cancellation);
        var units = await install.VerifyUnitsAsync(cancellation);
        var addresses = new[] { new Uri($"http://127.0.0.1:{FreePort()}"), new Uri($"http://127.0.0.1:{FreePort()}") };
        await using var front = await NginxFront.StartAsync(Path.Combine(install.Current, "deploy/nginx-octans.conf"), addresses, cancellation);
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var settings = new List<string>();
        foreach (var address in addresses)
            settings.Add(await install.WriteSettingsAsync($"octans-{address.Port}", new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'), ["OCTANS_DB"] = database.AppConnectionString,
                ["Octans__Keys__Secret"] = secret, ["Octans__Reminders__SiteAddress"] = front.Address.ToString(),
                ["Octans__SignIn__AttemptsPerAddressPerMinute"] = "3",
            }, cancellation));

        var owner = new Dictionary<string, string> { ["OCTANS_DB_OWNER"] = database.ConnectionString };
        var applies = new List<(int ExitCode, string Output, TimeSpan Took)>();
        for (var run = 0; run < 2; run++)
        {
            var clock = Stopwatch.StartNew();
            var (exitCode, output) = await install.CommandAsync(settings[0], "db-apply", owner, cancellation);
            applies.Add((exitCode, output, clock.Elapsed));
            if (exitCode != 0) throw new InvalidOperationException($"db-apply from the release failed:\n{output}");
        }
        var (added, addOutput) = await install.CommandAsync(settings[0], $"add-user --email {Email} --name Casey --role Coordinator", null, cancellation);
        var link = addOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(front.Address.ToString(), StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"add-user gave no link (exit {added}):\n{addOutput}");

        var nodes = addresses.Select((a, i) => new ReleaseNode(install, settings[i], a)).ToArray();
        try
        {
            var ready = new List<TimeSpan>();
            foreach (var node in nodes) ready.Add(await node.StartAsync(cancellation));
            context.Say($"release: {install.Release} installed, two nodes ready behind nginx on {front.Address}");
            var pages = await PagesAsync(front, link, cancellation);
            var limits = await LimitsAsync(front, cancellation);
            var bodies = await BodiesAsync(front, cancellation);
            var failover = await FailoverAsync(context, front, nodes, database, cancellation);
            var backup = await BackupAsync(install, server, database, cancellation);
            var refused = await database.RefusesWrongPasswordAsync(cancellation);
            return
            [
                new("Release", $"`{install.Release}`"),
                new("The runbook's database, roles and `pg_hba.conf` line (section 2), run as written",
                    refused ? "made; a wrong password is refused" : "made, but a wrong password got in", "passwords asked for", refused),
                new("`systemd-analyze verify` of the release's units", units.Length == 0 ? "nothing to say" : units, "nothing to say", units.Length == 0),
                new("`db-apply` from the release, first run and again", $"{applies[0].Took.TotalSeconds:0.0} s, {applies[1].Took.TotalSeconds:0.0} s",
                    "the second rebuilds nothing", !applies[1].Output.Contains("rebuilt", StringComparison.Ordinal)),
                new("Nodes ready after start", string.Join(", ", ready.Select(r => $"{r.TotalSeconds:0.0} s"))),
                .. pages, .. limits, .. bodies, .. failover, .. backup,
            ];
        }
        catch (Exception)
        {
            foreach (var node in nodes) context.Say($"release: the last output of the node on {node.Address}:\n{node.LastOutput}");
            throw;
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> TokenAsync(HttpClient client, CancellationToken cancellation)
    {
        using var answer = await client.PostAsJsonAsync("/api/auth/token", new { email = Email, password = Password }, cancellation);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("token").GetString()!;
    }
}
