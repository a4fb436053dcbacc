using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Weasel.Core;
using Wolverine.Marten;

namespace Octans.Api.Setup;

public static class OctansMarten
{
    public static IServiceCollection AddOctansMarten(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSingleton<DatabaseSettings>();
        services.AddMarten(provider =>
            {
                var options = new StoreOptions();
                options.Connection(provider.GetRequiredService<DatabaseSettings>().ConnectionString);
                options.DatabaseSchemaName = DatabaseSettings.MartenSchema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.AutoCreateSchemaObjects = environment.IsProduction() ? AutoCreate.None : AutoCreate.CreateOrUpdate;
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                options.Events.UseIdentityMapForAggregates = true;
                options.ConfigureSigningIn();
                options.ConfigureReferenceData();
                options.ConfigureProblems();
                options.Schema.For<DataProtectionKey>();
                return options;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = DatabaseSettings.WolverineSchema);
        return services;
    }
}
