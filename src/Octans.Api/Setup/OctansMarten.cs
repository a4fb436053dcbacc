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
    /// <summary>
    /// Octans' store. Only in Development does Marten create or update what it is missing as it goes, and only when the
    /// role may (DatabaseStartup); elsewhere the schema is the owner's, applied by <c>db-apply</c>.
    /// </summary>
    public static IServiceCollection AddOctansMarten(this IServiceCollection services, IHostEnvironment environment, bool asOwner)
    {
        services.AddSingleton(provider => new DatabaseSettings(provider.GetRequiredService<IConfiguration>(), asOwner));
        services.AddMarten(provider => new StoreOptions().ConfigureOctans(
                provider.GetRequiredService<DatabaseSettings>().ConnectionString, createSchema: environment.IsDevelopment()))
            .BuildSessionsWith<WriteSessions.Factory>()
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = DatabaseSettings.WolverineSchema);
        return services;
    }

    /// <summary>The whole store configuration, also used by tests and benchmarks that need Octans' store without its host.</summary>
    public static StoreOptions ConfigureOctans(this StoreOptions options, string connectionString, bool createSchema)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = DatabaseSettings.MartenSchema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = createSchema ? AutoCreate.CreateOrUpdate : AutoCreate.None;
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.UseIdentityMapForAggregates = true;
        options.ConfigureSigningIn();
        options.ConfigureReferenceData();
        options.ConfigureProblems();
        Inbox.InboxReports.Declare(options);
        Meetings.MeetingRows.Declare(options);
        Intake.Keys.IntakeKeys.ConfigureIntake(options);
        options.ConfigureMonthlyPacks();
        IdempotencyKeys.Declare(options);
        Reminders.RemindersSent.Declare(options);
        Retention.OctansRetention.ConfigureRetention(options);
        options.Schema.For<DataProtectionKey>();
        SchemaVersions.Declare(options);
        return options;
    }
}
