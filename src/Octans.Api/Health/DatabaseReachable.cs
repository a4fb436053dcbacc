using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Octans.Api.Setup;

namespace Octans.Api.Health;

public sealed class DatabaseReachable(DatabaseSettings settings, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation)
    {
        if (!settings.IsConfigured) return HealthCheckResult.Unhealthy("No database is configured (OCTANS_DB).");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var session = services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
            await session.ReadFirstAsync("select 1", r => r.GetInt32(0), timeout.Token);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.");
        }
    }
}

/// <summary>Ready only once the schema, reference data and deferred services are in place, not merely when PostgreSQL answers.</summary>
public sealed class StartupFinished(DatabaseStartup startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellation) =>
        Task.FromResult(startup.Ready.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy("Start-up finished."),
            TaskStatus.Faulted => HealthCheckResult.Unhealthy("Preparing the database failed; see the log."),
            _ => HealthCheckResult.Unhealthy("Still preparing the database."),
        });
}

public static class OctansHealth
{
    public const string Ready = "ready";

    public static IServiceCollection AddOctansHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReachable>("postgresql", tags: [Ready])
            .AddCheck<StartupFinished>("startup", tags: [Ready]);
        return services;
    }

    public static void MapOctansHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
