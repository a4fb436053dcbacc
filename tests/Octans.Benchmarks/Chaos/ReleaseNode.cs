using System.Diagnostics;
using System.Net;

namespace Octans.Benchmarks.Chaos;

/// <summary>A node of the installed release, started as its systemd unit starts it and stopped as <c>systemctl stop</c> does (SIGTERM).</summary>
public sealed class ReleaseNode : IAsyncDisposable
{
    private readonly ReleaseInstall _install;
    private readonly string _settings;
    private Process? _process;
    private readonly Queue<string> _lastLines = new();

    public ReleaseNode(ReleaseInstall install, string settings, Uri address)
    {
        _install = install;
        _settings = settings;
        Address = address;
    }

    public Uri Address { get; }

    public string LastOutput { get { lock (_lastLines) return string.Join('\n', _lastLines); } }

    /// <summary>Starts the node and waits for /health/ready; returns how long that took.</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        _process = Process.Start(_install.NodeStart(_settings))!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The node on {Address} exited at start:\n{LastOutput}");
            try
            {
                using var answer = await client.GetAsync("/health/ready", guard.Token);
                if (answer.StatusCode == HttpStatusCode.OK) return clock.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50, guard.Token);
        }
    }

    /// <summary>SIGTERM, as systemctl stop sends, then waits for the process to end; returns how long it took.</summary>
    public async Task<TimeSpan> StopAsync(CancellationToken cancellation)
    {
        if (_process is null || _process.HasExited) return TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        await ReleaseInstall.RunAsync("kill", ["-TERM", _process.Id.ToString()], cancellation);
        await _process.WaitForExitAsync(cancellation);
        return clock.Elapsed;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 100) _lastLines.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
