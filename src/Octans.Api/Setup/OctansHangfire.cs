using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Octans.Api.SigningIn;

namespace Octans.Api.Setup;

public static class OctansHangfire
{
    public static IServiceCollection AddOctansHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HangfireSchema>();
        services.AddSingleton<Weasel.Core.Migrations.IDatabase>(provider => provider.GetRequiredService<HangfireSchema>());
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(provider.GetRequiredService<DatabaseSettings>().ConnectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = DatabaseSettings.HangfireSchema,
                    // db-apply installs the schema in Production and DatabaseStartup elsewhere, never the storage's
                    // constructor, which would block start-up while the database is down.
                    PrepareSchemaIfNecessary = false,
                    QueuePollInterval = configuration.GetValue("Octans:Jobs:PollInterval", TimeSpan.FromSeconds(15)),
                    EnableLongPolling = true,
                    // A job whose node died (kill -9, a lost machine) goes back to the queue for another node once
                    // this long has passed without the heartbeat its worker keeps while the job runs.
                    InvisibilityTimeout = configuration.GetValue("Octans:Jobs:InvisibilityTimeout", TimeSpan.FromMinutes(5)),
                    UseSlidingInvisibilityTimeout = true,
                }));
        if (configuration.GetValue("Octans:Jobs:RunServer", true))
        {
            services.AddHangfireServer(server => server.WorkerCount = configuration.GetValue("Octans:Jobs:Workers", 2));
            services.DeferHostedServicesFrom(typeof(HangfireServiceCollectionExtensions).Assembly);
        }
        return services;
    }

    /// <summary>The script that makes the dashboard write British dates; the dashboard's routes are static, so it is added once per process.</summary>
    private static readonly Lazy<bool> BritishDates = new(() =>
    {
        DashboardRoutes.AddJavaScript(typeof(OctansHangfire).Assembly, "Octans.Api.Setup.hangfire-en-gb.js");
        return true;
    });

    public static void MapOctansJobDashboard(this WebApplication app)
    {
        _ = BritishDates.Value;
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [],
                AsyncAuthorization = [],
                DashboardTitle = "Octans jobs",
                AppPath = "/",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(Policies.Admin);
    }
}
