using Hangfire;
using Octans.Api.Reminders.Sending;
using Octans.Domain;

namespace Octans.Api.Reminders;

public static class OctansReminders
{
    public const string TeamJobId = "reminders-team-week", CoordinatorJobId = "reminders-coordinator-day";

    /// <summary>The settings, checked at start so a missing one stops Octans with a sentence rather than failing every job.</summary>
    public static IServiceCollection AddOctansReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = ReminderSettings.From(configuration);
        services.AddSingleton(settings);
        switch (settings.Sender)
        {
            case ReminderSender.Smtp:
                services.AddSingleton<IReminderPost, SmtpPost>();
                break;
            case ReminderSender.Notify:
                services.AddSingleton<IReminderPost>(_ => new NotifyPost(settings));
                break;
        }
        if (settings.Sender != ReminderSender.None)
            services.AddTransient<ReminderJobs>();
        return services;
    }

    /// <summary>
    /// The two recurring jobs, in London time, registered once the database answers (from DatabaseStartup). With no sender
    /// they are removed, so a store once run with one stops sending.
    /// </summary>
    public static void Register(IServiceProvider services)
    {
        var settings = services.GetRequiredService<ReminderSettings>();
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        if (settings.Sender == ReminderSender.None)
        {
            recurring.RemoveIfExists(TeamJobId);
            recurring.RemoveIfExists(CoordinatorJobId);
            return;
        }
        var london = new RecurringJobOptions { TimeZone = London.TimeZone };
        recurring.AddOrUpdate<ReminderJobs>(TeamJobId, jobs => jobs.SendTeamRemindersAsync(CancellationToken.None), settings.TeamSchedule, london);
        recurring.AddOrUpdate<ReminderJobs>(CoordinatorJobId, jobs => jobs.SendCoordinatorRemindersAsync(CancellationToken.None),
            settings.CoordinatorSchedule, london);
    }
}
