using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// The database and its two roles made as the release's runbook (docs/operations.md, section 2) makes them, on a cluster
/// that stands for a new PostgreSQL server: its SQL run by psql as the superuser, word for word but for the two
/// passwords, and its pg_hba.conf line put first (for 127.0.0.1 in place of the nodes' network, and nothing else letting the two
/// roles in), so the nodes and the
/// scripts sign in with passwords, scram-sha-256, as they would on a council's server.
/// </summary>
public sealed partial class RunbookDatabase
{
    private const string Superuser = "octans";

    private RunbookDatabase(string ownerConnection, string appConnection, string hbaLine)
    {
        ConnectionString = ownerConnection;
        AppConnectionString = appConnection;
        HbaLine = hbaLine;
    }

    /// <summary>The database the runbook names.</summary>
    public string Name => "octans";

    /// <summary>octans_owner's connection: db-apply, backups and restores.</summary>
    public string ConnectionString { get; }

    /// <summary>octans_app's connection: the nodes.</summary>
    public string AppConnectionString { get; }

    /// <summary>The runbook's pg_hba.conf line as put in place here.</summary>
    public string HbaLine { get; }

    public static async Task<RunbookDatabase> CreateAsync(ThrowawayCluster server, string runbook, CancellationToken cancellation)
    {
        var text = await File.ReadAllTextAsync(runbook, cancellation);
        var section = text[text.IndexOf("## 2.", StringComparison.Ordinal)..text.IndexOf("## 3.", StringComparison.Ordinal)];
        var sql = SqlBlock().Match(section) is { Success: true } block ? block.Groups[1].Value
            : throw new InvalidOperationException("The runbook's section 2 has no SQL block to make the database with.");
        var (ownerPassword, appPassword) = (Secret(), Secret());
        foreach (var said in new[] { "'a long secret'", "'another long secret'" })
            if (!sql.Contains(said, StringComparison.Ordinal))
                throw new InvalidOperationException($"The runbook's SQL no longer sets the password {said}: change RunbookDatabase with it.");
        sql = sql.Replace("'a long secret'", $"'{ownerPassword}'", StringComparison.Ordinal)
            .Replace("'another long secret'", $"'{appPassword}'", StringComparison.Ordinal);
        await PsqlAsync(server, sql, cancellation);

        var line = HbaRule().Match(section) is { Success: true } rule ? rule.Groups[1].Value
            : throw new InvalidOperationException("The runbook's section 2 has no pg_hba.conf line.");
        var here = line.Replace("10.0.0.0/24", "127.0.0.1/32", StringComparison.Ordinal);
        // The cluster's own lines trust every local connection; after the runbook's, the two roles are refused anything else.
        await File.WriteAllTextAsync(server.HbaFile, $"{here}\nhost all octans_app,octans_owner all reject\n" + await File.ReadAllTextAsync(server.HbaFile, cancellation), cancellation);
        await PsqlAsync(server, "select pg_reload_conf();", cancellation);
        var refused = await PsqlAsync(server, "select string_agg(line_number || ': ' || error, '; ') from pg_hba_file_rules where error is not null;", cancellation);
        if (refused.Trim().Length > 0) throw new InvalidOperationException($"PostgreSQL refused the runbook's pg_hba.conf line {here}: {refused}");

        string Connection(string role, string password) => new NpgsqlConnectionStringBuilder
            { Host = "127.0.0.1", Port = server.Port, Database = "octans", Username = role, Password = password, Timeout = 5 }.ConnectionString;
        return new RunbookDatabase(Connection("octans_owner", ownerPassword), Connection("octans_app", appPassword), here);
    }

    /// <summary>Whether the app's role is refused with a wrong password: the runbook's line asks for one, and nothing after it lets it in.</summary>
    public async Task<bool> RefusesWrongPasswordAsync(CancellationToken cancellation)
    {
        var wrong = new NpgsqlConnectionStringBuilder(AppConnectionString) { Password = "not the password", Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(wrong);
            await connection.OpenAsync(cancellation);
            return false;
        }
        catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            return true;
        }
    }

    /// <summary>
    /// The runbook's section 5 commands that make the database a restore is tried in (the lines run as the superuser,
    /// <c>sudo -u postgres …</c>), run word for word by bash against this server; returns that database's name.
    /// </summary>
    public async Task<string> MakeRestoreDatabaseAsync(ThrowawayCluster server, string runbook, CancellationToken cancellation)
    {
        var text = await File.ReadAllTextAsync(runbook, cancellation);
        var section = text[text.IndexOf("## 5.", StringComparison.Ordinal)..text.IndexOf("## 6.", StringComparison.Ordinal)];
        var lines = AsSuperuser().Matches(section).Select(m => m.Groups[1].Value).ToList();
        if (lines.Count == 0 || RestoreName().Match(section) is not { Success: true } name)
            throw new InvalidOperationException("The runbook's section 5 no longer makes a database to restore into as the superuser.");
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", string.Join('\n', lines)])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{Path.GetDirectoryName(server.Psql)}:{Environment.GetEnvironmentVariable("PATH")}";
        (start.Environment["PGHOST"], start.Environment["PGPORT"], start.Environment["PGUSER"]) = ("127.0.0.1", $"{server.Port}", Superuser);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.StandardOutput.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0) throw new InvalidOperationException($"The runbook's section 5 failed:\n{string.Join('\n', lines)}\n{await errors}");
        return name.Groups[1].Value;
    }

    private static string Secret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    /// <summary>psql as the server's superuser, reading the statements from its standard input as `sudo -u postgres psql` would.</summary>
    private static async Task<string> PsqlAsync(ThrowawayCluster server, string sql, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(server.Psql)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", $"{server.Port}", "-U", Superuser, "-d", "postgres" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(sql);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0) throw new InvalidOperationException($"psql refused the runbook's SQL:\n{await errors}");
        return await output;
    }

    [GeneratedRegex("^sudo -u postgres (.+)$", RegexOptions.Multiline)]
    private static partial Regex AsSuperuser();

    [GeneratedRegex("^sudo -u postgres createdb --owner=octans_owner ([a-z_]+)$", RegexOptions.Multiline)]
    private static partial Regex RestoreName();

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();

    [GeneratedRegex("`(host [a-z]+ octans_app,octans_owner [^`]+)`")]
    private static partial Regex HbaRule();
}
