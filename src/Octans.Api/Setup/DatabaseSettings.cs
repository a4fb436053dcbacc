using Npgsql;

namespace Octans.Api.Setup;

/// <summary>
/// Where Octans keeps everything: one PostgreSQL database, with Marten, Wolverine and Hangfire each in a schema of their own.
/// </summary>
public sealed class DatabaseSettings
{
    public const string MartenSchema = "octans";
    public const string WolverineSchema = "wolverine";
    public const string HangfireSchema = "hangfire";

    private readonly string? _connectionString;

    public DatabaseSettings(IConfiguration configuration)
    {
        var configured = configuration["OCTANS_DB"] ?? configuration.GetConnectionString("Octans");
        _connectionString = string.IsNullOrWhiteSpace(configured) ? null : WithDefaults(configured);
    }

    public bool IsConfigured => _connectionString is not null;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(
        "No database is configured. Start Octans with ops/run, or set OCTANS_DB to a PostgreSQL connection string.");

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
