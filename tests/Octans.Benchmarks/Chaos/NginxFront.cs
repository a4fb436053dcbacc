using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// Debian's nginx running the release's own site (deploy/nginx-octans.conf) in front of the nodes, with a certificate
/// openssl makes on the spot for <see cref="Host"/>. Only what cannot stay as shipped is changed: the ports, the nodes'
/// addresses, the certificate's files and the cache's folder. Each request's node is logged, to count them.
/// </summary>
public sealed partial class NginxFront : IAsyncDisposable
{
    public const string Host = "octans.test";

    private readonly string _folder;
    private readonly Process _nginx;

    private NginxFront(string folder, Process nginx, int port, X509Certificate2 certificate)
    {
        _folder = folder;
        _nginx = nginx;
        Port = port;
        Certificate = certificate;
    }

    public int Port { get; }

    public X509Certificate2 Certificate { get; }

    public Uri Address => new($"https://{Host}:{Port}");

    public static async Task<NginxFront> StartAsync(string site, IReadOnlyList<Uri> nodes, CancellationToken cancellation)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"octans-nginx-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(folder);
        var (key, crt) = (Path.Combine(folder, "octans.key"), Path.Combine(folder, "octans.crt"));
        // The runbook's command for a certificate to try things with before the real one arrives.
        await ReleaseInstall.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", $"/CN={Host}",
            "-addext", $"subjectAltName=DNS:{Host}", "-keyout", key, "-out", crt], cancellation);
        var (https, http) = (FreePort(), FreePort());
        var text = (await File.ReadAllTextAsync(site, cancellation))
            .Replace("listen 443 ", $"listen {https} ").Replace("listen [::]:443 ", $"listen [::]:{https} ")
            .Replace("listen 80;", $"listen {http};").Replace("listen [::]:80;", $"listen [::]:{http};")
            .Replace("/etc/octans/tls/octans.crt", crt).Replace("/etc/octans/tls/octans.key", key)
            .Replace("/var/cache/nginx/octans", Path.Combine(folder, "cache"))
            .Replace("octans.example.gov.uk", Host);
        var first = true;
        text = Servers().Replace(text, _ => first && !(first = false)
            ? string.Concat(nodes.Select(n => $"server {n.Host}:{n.Port} max_fails=1 fail_timeout=10s;\n    "))
            : "");
        await File.WriteAllTextAsync(Path.Combine(folder, "site.conf"), text, cancellation);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            # Debian's /etc/nginx/nginx.conf in short, with its folders here; each request's node is logged.
            user www-data;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                log_format nodes '$msec $status $request_method $uri $upstream_addr';
                access_log {{folder}}/access.log nodes;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                include {{folder}}/site.conf;
            }
            """, cancellation);
        await ReleaseInstall.RunAsync("chown", ["-R", "www-data", folder], cancellation);
        await ReleaseInstall.RunAsync("nginx", ["-t", "-q", "-c", Path.Combine(folder, "nginx.conf")], cancellation);
        var start = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" }) start.ArgumentList.Add(argument);
        var nginx = Process.Start(start)!;
        var front = new NginxFront(folder, nginx, https, X509CertificateLoader.LoadCertificateFromFile(crt));
        while (!await front.ListensAsync())
        {
            if (nginx.HasExited) throw new InvalidOperationException($"nginx did not start: {await File.ReadAllTextAsync(Path.Combine(folder, "error.log"), cancellation)}");
            await Task.Delay(50, cancellation);
        }
        return front;
    }

    /// <summary>
    /// A browser at <paramref name="from"/> (an address of the loopback network, as another client's machine): it
    /// reaches <see cref="Host"/> at nginx, trusts its certificate, speaks HTTP/2 and keeps cookies; it follows no redirect.
    /// </summary>
    public HttpClient Browser(IPAddress from, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new CookieContainer(),
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, c, _, _) => c is not null && c.GetCertHashString() == Certificate.GetCertHashString() },
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler)
        {
            BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>From the access log: the requests each node answered for this method, since <paramref name="since"/> (Unix seconds); a node nginx passed over is not counted.</summary>
    public async Task<Dictionary<string, int>> RequestsPerNodeAsync(string method, double since = 0)
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(_folder, "access.log"));
        return lines.Select(l => l.Split(' ')).Where(p => p.Length >= 5 && p[2] == method && double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture) >= since)
            .Select(p => p[^1]).Where(node => node != "-").GroupBy(node => node).ToDictionary(g => g.Key, g => g.Count());
    }

    private async Task<bool> ListensAsync()
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"server 127\.0\.0\.1:\d+ [^;]*;\s*")]
    private static partial Regex Servers();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_nginx.HasExited)
        {
            await ReleaseInstall.RunAsync("kill", ["-QUIT", _nginx.Id.ToString()], CancellationToken.None, check: false);
            await _nginx.WaitForExitAsync();
        }
        _nginx.Dispose();
        Certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
