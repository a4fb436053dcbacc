using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Octans.Benchmarks;

/// <summary>
/// Octans.Api as its own process, the way an operator runs it: Production, pre-generated Wolverine code, Kestrel on a
/// free port of 127.0.0.1, signing in with the demo accounts (seeded because the benchmark asks for them).
/// </summary>
public sealed class OctansServer : IAsyncDisposable
{
    public const string Password = "octans-bench-password";

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private bool _disposed;

    private OctansServer(Process process, Uri address, Stopwatch sinceStart)
    {
        _process = process;
        Address = address;
        SinceStart = sinceStart;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>Started just before the process was.</summary>
    public Stopwatch SinceStart { get; }

    public int ProcessId => _process.Id;

    public string LastOutput { get { lock (_lastLines) return string.Join('\n', _lastLines); } }

    /// <summary>
    /// Starts the process and returns at once; <see cref="WaitUntilReadyAsync"/> waits for /health/ready. A restarted
    /// server is given the <paramref name="address"/> of the one it replaces, so its clients carry on.
    /// </summary>
    public static OctansServer Start(BenchContext context, string connectionString, IReadOnlyDictionary<string, string>? settings = null,
        Uri? address = null)
    {
        address ??= new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo(context, connectionString, $"--urls {address}");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        return new OctansServer(Process.Start(start)!, address, clock);
    }

    public static async Task<OctansServer> StartReadyAsync(BenchContext context, string connectionString, CancellationToken cancellation,
        IReadOnlyDictionary<string, string>? settings = null, Uri? address = null)
    {
        var server = Start(context, connectionString, settings, address);
        try
        {
            await server.WaitUntilReadyAsync(cancellation);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls /health/ready every few milliseconds; returns the time from process start to its first 200.</summary>
    public async Task<TimeSpan> WaitUntilReadyAsync(CancellationToken cancellation)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Octans exited at start:\n{LastOutput}");
            try
            {
                using var answer = await client.GetAsync("/health/ready", guard.Token);
                if (answer.StatusCode == HttpStatusCode.OK) return SinceStart.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (guard.IsCancellationRequested && !cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"Octans was not ready after two minutes:\n{LastOutput}");
            }
            await Task.Delay(5, guard.Token);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no flushing, requests in flight cut off.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>The process's peak resident memory (VmHWM) since start or since <see cref="ResetPeakMemory"/>.</summary>
    public double PeakMegabytes() => Status("VmHWM") / 1024.0;

    public double ResidentMegabytes() => Status("VmRSS") / 1024.0;

    /// <summary>Writing 5 to clear_refs resets the kernel's high-water mark, so the next peak belongs to what follows.</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    /// <summary>Whether Roslyn was loaded, which would mean Wolverine compiled handlers at run time instead of using the pre-generated ones.</summary>
    public bool LoadedTheCompiler() =>
        File.ReadLines($"/proc/{_process.Id}/maps").Any(line => line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

    /// <summary>User and system CPU the process has used so far, which the machine's other load inflates far less than wall time.</summary>
    public TimeSpan CpuTime() => UserTime() + SystemTime();

    public TimeSpan UserTime() => Ticks(11);

    /// <summary>CPU spent in the kernel on the process's behalf: sockets, and waking and parking threads.</summary>
    public TimeSpan SystemTime() => Ticks(12);

    private TimeSpan Ticks(int field)
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        const double ticksPerSecond = 100;
        return TimeSpan.FromSeconds(long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[field]) / ticksPerSecond);
    }

    private long Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    public static ProcessStartInfo StartInfo(BenchContext context, string connectionString, string arguments)
    {
        var assembly = context.OctansAssembly;
        var start = new ProcessStartInfo("dotnet", $"\"{assembly}\" {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.Environment["OCTANS_DB"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Octans__SeedDemoAccounts"] = "true";
        start.Environment["OCTANS_DEMO_PASSWORD"] = Password;
        return start;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 5000) _lastLines.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
