using System.Reflection;
using Hangfire;
using Marten;
using Octans.Domain;

namespace Octans.Api.Retention;

public static class OctansRetention
{
    public const string RecurringJobId = "retention-nightly";

    /// <summary>At 02:00 London time, when nobody is working.</summary>
    public const string Nightly = "0 2 * * *";

    /// <summary>The policy, checked at start so a policy that would remove what is still needed stops Octans with a sentence.</summary>
    public static IServiceCollection AddOctansRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RetentionSettings.From(configuration));
        services.AddTransient<RetentionJob>();
        return services;
    }

    /// <summary>The runs' tables, and a masking rule for every event that carries free text (<see cref="Anonymised"/>).</summary>
    public static void ConfigureRetention(this StoreOptions options)
    {
        RetentionRuns.Declare(options);
        var rule = typeof(OctansRetention).GetMethod(nameof(MaskingRule), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in ProblemEvents.All.Concat(InboxEvents.All).Append(typeof(MeetingDecisionRecorded)))
            rule.MakeGenericMethod(type).Invoke(null, [options]);
    }

    private static void MaskingRule<T>(StoreOptions options) where T : notnull =>
        options.Events.AddMaskingRuleForProtectedInformation<T>(Anonymised.Of);

    /// <summary>The nightly job, registered once the database answers (from DatabaseStartup), in London time.</summary>
    public static void Register(IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<RetentionJob>(RecurringJobId,
            job => job.ApplyAsync(CancellationToken.None), Nightly, new RecurringJobOptions { TimeZone = London.TimeZone });
}
