using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
namespace Octans.Testing;

/// <summary>The built Octans.Api run as its own process, the way an operator runs it.</summary>
public sealed class OctansProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private OctansProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Waits until the process has written <paramref name="text"/>, or fails after a generous while.</summary>
    public async Task WaitForOutput(string text)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (guard.IsCancellationRequested) throw new TimeoutException($"Octans never wrote '{text}':\n{Output}");
            await Task.Delay(100);
        }
    }

    public static async Task<OctansProcess> ServeAsync(string database, IReadOnlyDictionary<string, string>? settings = null,
        string environment = "Development")
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = StartInfo($"--urls {address} --contentRoot \"{Path.Combine(TestDatabase.RepositoryRoot(), "src", "Octans.Api")}\"", database, environment);
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        var octans = new OctansProcess(process, address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"Octans exited at start:\n{octans.Output}");
            try
            {
                if ((await client.GetAsync("/health/live", guard.Token)).StatusCode == HttpStatusCode.OK) return octans;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!guard.IsCancellationRequested)
            {
                // Listening, but too busy starting to answer within the client's five seconds on a loaded machine.
            }
            await Task.Delay(200, guard.Token);
        }
    }

    /// <summary>Runs db-apply as the owner, giving the app's role its rights, the way ops/run does before it starts Octans.</summary>
    public static async Task ApplySchemaAsync(TestDatabase database)
    {
        var (exitCode, output) = await RunAsync("db-apply", database.AppConnectionString, "Production", owner: database.ConnectionString);
        if (exitCode != 0) throw new InvalidOperationException($"db-apply failed:\n{output}");
    }

    /// <summary>Runs a command of Octans; <paramref name="owner"/> is the schema owner's connection, for the db- commands.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string arguments, string database, string environment = "Development",
        string? owner = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = StartInfo(arguments, database, environment);
        if (owner is not null) start.Environment["OCTANS_DB_OWNER"] = owner;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'octans {arguments}' did not finish: it hung.");
        }
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>SIGKILL, as a crash or the out-of-memory killer ends a process: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string arguments, string database, string environment)
    {
        var assembly = AssemblyPath();
        var start = new ProcessStartInfo("dotnet", $"\"{assembly}\" {arguments}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.Environment["OCTANS_DB"] = database;
        // The owner's string of the run's server would send a db- command to another database than this one.
        start.Environment.Remove("OCTANS_DB_OWNER");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        // A test's Octans lives for seconds: profiling its methods to optimise them later costs a sixth of its start-up and
        // never pays back (measured on db-apply: 2.45 s of CPU with it, 2.03 s without).
        start.Environment["DOTNET_TieredPGO"] = "0";
        return start;
    }

    private static string AssemblyPath()
    {
        // The test runs from tests/<project>/bin/<configuration>/<framework>/; the app was built with the same configuration.
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!.Name;
        return Path.Combine(TestDatabase.RepositoryRoot(), "src", "Octans.Api", "bin", configuration, framework.Name, "Octans.Api.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
