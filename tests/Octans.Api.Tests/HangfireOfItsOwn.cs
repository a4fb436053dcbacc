using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Setup;

namespace Octans.Api.Tests;

/// <summary>
/// For a test host beside the shared one in the same process. Hangfire keeps its storage in a static that the shared
/// host's jobs use; a host configured the usual way would point that static at its own database, and the shared host's
/// pack jobs would be queued where nothing runs them. This keeps the host's Hangfire to its own storage and runs no jobs.
/// </summary>
public static class HangfireOfItsOwn
{
    private static readonly PostgreSqlStorageOptions Storage = new() { SchemaName = DatabaseSettings.HangfireSchema, PrepareSchemaIfNecessary = false };

    public const string RunServer = "Octans:Jobs:RunServer";

    public static void KeepHangfireToItself(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IGlobalConfiguration>(new ThisHostOnly());
        services.AddSingleton<JobStorage>(new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, Storage), Storage));
    }

    private sealed class ThisHostOnly : IGlobalConfiguration;
}
