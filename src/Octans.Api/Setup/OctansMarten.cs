using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Archive;
using Octans.Api.Setup.Idempotency;
using Octans.Api.SigningIn;
using Weasel.Core;
using Wolverine.Marten;

namespace Octans.Api.Setup;

public static class OctansMarten
{
    public static IServiceCollection AddOctansMarten(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSingleton<DatabaseSettings>();
        services.AddMarten(provider => new StoreOptions().ConfigureOctans(
                provider.GetRequiredService<DatabaseSettings>().ConnectionString, environment.IsProduction()))
            .BuildSessionsWith<WriteSessions.Factory>()
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = DatabaseSettings.WolverineSchema);
        return services;
    }

    /// <summary>The whole store configuration, also used by tests and benchmarks that need Octans' store without its host.</summary>
    public static StoreOptions ConfigureOctans(this StoreOptions options, string connectionString, bool production)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = DatabaseSettings.MartenSchema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = production ? AutoCreate.None : AutoCreate.CreateOrUpdate;
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.UseIdentityMapForAggregates = true;
        options.ConfigureSigningIn();
        options.ConfigureReferenceData();
        options.ConfigureProblems();
        options.ConfigureMonthlyPacks();
        IdempotencyKeys.Declare(options);
        options.Schema.For<DataProtectionKey>();
        return options;
    }
}
