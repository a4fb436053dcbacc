using Marten;
using Octans.Api.Demo;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Scheduling;
using Octans.Api.Setup.Idempotency;

namespace Octans.Api.Setup;

/// <summary>
/// Prepares the database once the app is running: in Development, when its role may, the schema and the read models
/// (elsewhere db-apply does, as the owner, and the app only checks the schema and the read models are this version's,
/// refusing to start on a schema older than its own), the services deferred until
/// the database answers, reference data and, in Development, the demo accounts. It runs in the background and
/// retries, so the app starts and answers 503 while the database is down, and catches up when it returns.
/// </summary>
public sealed class DatabaseStartup(
    IServiceProvider services,
    DatabaseSettings settings,
    DeferredServices deferred,
    IHostEnvironment environment,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<DatabaseStartup> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    /// <summary>
    /// What a background service of a node waits for before it begins: true once the database is prepared, false when this
    /// node has no database or preparing it failed, so the service has nothing to do.
    /// </summary>
    public async Task<bool> PreparedAsync(CancellationToken stopping)
    {
        if (!settings.IsConfigured) return false;
        try
        {
            await Ready.WaitAsync(stopping);
            return true;
        }
        catch (Exception) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Why this node refused to start (a schema older than its own, or keys sealed with a secret it lacks), or null.</summary>
    public string? Refusal { get; private set; }

    public bool SeedDemoAccounts => configuration.GetValue("Octans:SeedDemoAccounts", environment.IsDevelopment());

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!settings.IsConfigured)
        {
            logger.LogError("No database is configured: set OCTANS_DB, or start Octans with ops/run");
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await PrepareAsync(stopping);
                _ready.TrySetResult();
                return;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested && IsDatabaseUnavailable(exception))
            {
                logger.LogWarning("The database is not reachable yet ({Reason}); trying again in {Delay}", exception.Message, delay);
                await Task.Delay(delay, stopping);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
            catch (RefusedToStart refused)
            {
                // Serving on a schema it does not know could lose writes, and without its keys it could sign nobody in;
                // the node stops, and its supervisor shows why.
                Refusal = refused.Message;
                logger.LogCritical("{Refusal}", refused.Message);
                _ready.TrySetException(refused);
                lifetime.StopApplication();
                return;
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                logger.LogError(exception, "Preparing the database failed");
                _ready.TrySetException(exception);
                return;
            }
        }
    }

    private async Task PrepareAsync(CancellationToken cancellation)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        if (environment.IsDevelopment() && await MayChangeSchemaAsync(store, cancellation))
        {
            await PostGis.EnsureAsync(settings.ConnectionString, cancellation);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await services.GetRequiredService<HangfireSchema>().ApplyAllConfiguredChangesToDatabaseAsync(ct: cancellation);
            await using (var session = store.LightweightSession())
            {
                foreach (var statement in SchemaVersions.Record(SchemaVersions.Expected(services))) session.Queue(statement);
                await session.SaveChangesAsync(cancellation);
            }
            if (await ProblemReadModels.CatchUpAsync(store, cancellation) is { } played)
                logger.LogInformation("The read models were rebuilt from {Events} events, as this version of Octans keeps them", played);
            await Inbox.InboxReports.RecountAsync(store, cancellation);
        }
        else
        {
            if (await SchemaVersions.MissingAsync(store, SchemaVersions.Expected(services), cancellation) is { } older)
                throw new RefusedToStart(SchemaVersions.Refusal(older));
            if (!await ProblemReadModels.AreCurrentAsync(store, cancellation))
                throw new InvalidOperationException(
                    "The read models were kept by another version of Octans. Run db-apply as the database's owner, which rebuilds them, then start Octans again.");
        }
        if (await SealedKeys.LackingAsync(store, services.GetRequiredService<KeyEncryption>(), cancellation) is [_, ..] lacking)
            throw new RefusedToStart(KeyEncryption.Refusal(lacking));
        // The background services and the seeding need nothing from each other, so neither waits for the other.
        await Task.WhenAll(deferred.StartAsync(services, cancellation), SeedAsync(store, cancellation));
        logger.LogInformation("The database is ready");
    }

    private async Task SeedAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await ReferenceDataStorage.SeedAsync(store, cancellation);
        await MonthlyPackSchedule.RegisterAsync(services, store, cancellation);
        IdempotencyKeySweep.Register(services);
        PathwaysPackSchedule.Register(services);
        Reminders.OctansReminders.Register(services);
        Retention.OctansRetention.Register(services);
        if (SeedDemoAccounts)
            await DemoAccounts.SeedAsync(store, DemoAccounts.Password(configuration), cancellation);
        await DemoLoader.LoadIfAskedAsync(services, cancellation);
    }

    // The app's own role may not create in the database: its schema is the owner's. A developer's single role may.
    private static async Task<bool> MayChangeSchemaAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.ReadFirstAsync("select has_database_privilege(current_database(), 'CREATE')", r => r.GetBoolean(0), cancellation);
    }

    public override async Task StopAsync(CancellationToken cancellation)
    {
        await base.StopAsync(cancellation);
        await deferred.StopAsync(cancellation);
    }

    public static bool IsDatabaseUnavailable(Exception exception) => exception switch
    {
        Npgsql.NpgsqlException { IsTransient: true } => true,
        Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException or IOException } => true,
        System.Net.Sockets.SocketException => true,
        _ => exception.InnerException is { } inner && IsDatabaseUnavailable(inner),
    };
}

/// <summary>
/// The node cannot serve this database as it is: its schema is older than this build's (until db-apply has run), or its
/// keys were sealed with a secret the node lacks.
/// </summary>
public sealed class RefusedToStart(string message) : Exception(message);
