using System.Diagnostics;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// The release tarball installed as docs/operations.md installs it, under a folder of its own that stands for the
/// server's root: unpacked into opt/octans, linked as opt/octans/current, the octans user made, and each node's settings
/// written from deploy/octans.env into etc/octans. Nodes start as deploy/octans.service starts them: as its User, with
/// its EnvironmentFile and nothing else in the environment, running its ExecStart.
/// </summary>
public sealed partial class ReleaseInstall : IAsyncDisposable
{
    public const string User = "octans";

    private readonly string _root;

    private ReleaseInstall(string root, string release)
    {
        _root = root;
        Release = release;
    }

    /// <summary>The release's folder (opt/octans/current).</summary>
    public string Current => Path.Combine(_root, "opt/octans/current");

    /// <summary>What the release's VERSION file says.</summary>
    public string Release { get; }

    public static async Task<ReleaseInstall> UnpackAsync(string tarball, CancellationToken cancellation)
    {
        var root = Path.Combine(Path.GetTempPath(), $"octans-release-{Guid.NewGuid().ToString("N")[..8]}");
        var opt = Path.Combine(root, "opt/octans");
        Directory.CreateDirectory(opt);
        Directory.CreateDirectory(Path.Combine(root, "etc/octans"));
        // The runbook's commands, with /opt and /etc under the stand-in root.
        await RunAsync("tar", ["-xzf", tarball, "-C", opt], cancellation);
        var folder = Directory.GetDirectories(opt, "octans-*").Single();
        await RunAsync("ln", ["-sfn", folder, Path.Combine(opt, "current")], cancellation);
        if (await RunAsync("id", [User], cancellation, check: false) != 0)
            await RunAsync("useradd", ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", User], cancellation);
        return new ReleaseInstall(root, (await File.ReadAllTextAsync(Path.Combine(folder, "VERSION"), cancellation)).Trim());
    }

    /// <summary>A node's environment file: deploy/octans.env with these settings put in place of (or after) its own.</summary>
    public async Task<string> WriteSettingsAsync(string name, IReadOnlyDictionary<string, string> settings, CancellationToken cancellation)
    {
        var lines = (await File.ReadAllLinesAsync(Path.Combine(Current, "deploy/octans.env"), cancellation)).ToList();
        foreach (var (key, value) in settings)
        {
            var at = lines.FindIndex(l => l.StartsWith(key + "=", StringComparison.Ordinal) || l.StartsWith("#" + key + "=", StringComparison.Ordinal));
            if (at >= 0) lines[at] = $"{key}={value}";
            else lines.Add($"{key}={value}");
        }
        var file = Path.Combine(_root, "etc/octans", $"{name}.env");
        await File.WriteAllLinesAsync(file, lines, cancellation);
        // root:octans 0640, as the runbook installs it.
        await RunAsync("chown", [$"root:{User}", file], cancellation);
        await RunAsync("chmod", ["0640", file], cancellation);
        return file;
    }

    /// <summary>One of the release's commands (db-apply, add-user…) run as the runbook runs it: <c>/opt/octans/current/octans</c> with the node's settings.</summary>
    public async Task<(int ExitCode, string Output)> CommandAsync(string settingsFile, string arguments, IReadOnlyDictionary<string, string>? extra,
        CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(Path.Combine(Current, "octans")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Arguments().Matches(arguments).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value)) start.ArgumentList.Add(argument);
        start.Environment["OCTANS_SETTINGS"] = settingsFile;
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return (process.ExitCode, await output + await errors);
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial System.Text.RegularExpressions.Regex Arguments();

    /// <summary>How deploy/octans.service starts the app: its User, WorkingDirectory, EnvironmentFile and ExecStart, nothing else.</summary>
    public ProcessStartInfo NodeStart(string settingsFile, string arguments = "")
    {
        var unit = File.ReadAllLines(Path.Combine(Current, "deploy/octans.service"))
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        if (unit["User"] != User) throw new InvalidOperationException($"deploy/octans.service runs as {unit["User"]}, not {User}.");
        var exec = Here(unit["ExecStart"]);
        var start = new ProcessStartInfo("setpriv")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Here(unit["WorkingDirectory"]),
        };
        foreach (var argument in new[] { $"--reuid={User}", $"--regid={User}", "--init-groups", "--no-new-privs", "--", exec })
            start.ArgumentList.Add(argument);
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)) start.ArgumentList.Add(argument);
        start.Environment.Clear();
        // The unit names one file; each node here has its own, beside it.
        if (Path.GetDirectoryName(Here(unit["EnvironmentFile"])) != Path.GetDirectoryName(settingsFile))
            throw new InvalidOperationException($"deploy/octans.service reads its settings from {unit["EnvironmentFile"]}, not beside it.");
        foreach (var line in File.ReadAllLines(settingsFile).Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')))
        {
            var pair = line.Split('=', 2);
            start.Environment[pair[0].Trim()] = pair[1];
        }
        return start;
    }

    /// <summary>
    /// The runbook's units copied into etc/systemd/system, their /opt, /etc and /var paths under the stand-in root, and
    /// checked by systemd itself (<c>systemd-analyze verify</c>: every key known, every program there and executable).
    /// Returns what it said, which is nothing when all is well.
    /// </summary>
    public async Task<string> VerifyUnitsAsync(CancellationToken cancellation)
    {
        var units = Directory.CreateDirectory(Path.Combine(_root, "etc/systemd/system")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "var/backups/octans"));
        string[] names = ["octans.service", "octans-backup.service", "octans-backup.timer"];
        foreach (var name in names)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(Current, "deploy", name), cancellation);
            foreach (var folder in new[] { "/opt/octans", "/etc/octans", "/var/backups/octans" })
                text = text.Replace(folder, Here(folder), StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(units, name), text, cancellation);
        }
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = units };
        foreach (var argument in new[] { "verify" }.Concat(names.Select(n => "./" + n))) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        var said = (await output + await errors).Trim();
        return process.ExitCode == 0 ? said : $"exit {process.ExitCode}: {said}";
    }

    // The unit names /opt/octans and /etc/octans; here they are under the stand-in root.
    private string Here(string path) => path.StartsWith('/') ? Path.Combine(_root, path.TrimStart('/')) : path;

    public static async Task<int> RunAsync(string program, string[] arguments, CancellationToken cancellation, bool check = true)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed:\n{await output}{await errors}");
        return process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }
}
