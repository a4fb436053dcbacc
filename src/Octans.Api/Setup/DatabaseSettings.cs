using Npgsql;

namespace Octans.Api.Setup;

/// <summary>
/// Where Octans keeps everything: one PostgreSQL database, with Marten, Wolverine and Hangfire each in a schema of their own.
/// Two roles reach it: the app's (<c>OCTANS_DB</c>), which may read and write rows and add events but never change or
/// delete one, and the owner's (<c>OCTANS_DB_OWNER</c>), which owns the schema and is used only by the <c>db-</c>
/// commands such as <c>db-apply</c>. Without an owner's string the app's role is taken to own the schema as well.
/// </summary>
public sealed class DatabaseSettings
{
    public const string MartenSchema = "octans";
    public const string WolverineSchema = "wolverine";
    public const string HangfireSchema = "hangfire";
    public static readonly string[] Schemas = [MartenSchema, WolverineSchema, HangfireSchema];

    private readonly string? _connectionString;

    public DatabaseSettings(IConfiguration configuration, bool asOwner = false)
    {
        var app = Configured(configuration["OCTANS_DB"] ?? configuration.GetConnectionString("Octans"));
        var owner = Configured(configuration["OCTANS_DB_OWNER"] ?? configuration.GetConnectionString("Owner"));
        _connectionString = asOwner ? owner ?? app : app;
        var appRole = app is null ? null : new NpgsqlConnectionStringBuilder(app).Username;
        AppRole = asOwner && owner is not null && appRole is not null && appRole != new NpgsqlConnectionStringBuilder(owner).Username ? appRole : null;
    }

    public bool IsConfigured => _connectionString is not null;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(
        "No database is configured. Start Octans with ops/run, or set OCTANS_DB to a PostgreSQL connection string.");

    /// <summary>For the owner's commands: the app's role, to be given its rights, when it is not the owner itself.</summary>
    public string? AppRole { get; }

    /// <summary>The commands that change the schema (<c>db-apply</c>, <c>db-patch</c>…) run as its owner.</summary>
    public static bool RunsAsOwner(string[] args) => args is [var command, ..] && command.StartsWith("db-", StringComparison.Ordinal);

    private static string? Configured(string? value) => string.IsNullOrWhiteSpace(value) ? null : WithDefaults(value);

    // A database that is down must answer quickly with a 503, not hold a request for Npgsql's default 15 s. Every write
    // sends the same few statements with new values, so Npgsql prepares them on each connection: PostgreSQL then plans
    // each once rather than on every write, which doubled the writes two cores can take (docs/performance.md).
    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) builder.Timeout = 10;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "octans";
        return builder.ConnectionString;
    }
}
