using Hangfire;
using Marten;
using Octans.Api.ReferenceData;
using Octans.Domain;
using Octans.Api.Reports.Producing;

namespace Octans.Api.Reports.Scheduling;

/// <summary>
/// One recurring job per area, at 06:00 London time on the 1st, for the month just ended. It is registered once the
/// database answers (from DatabaseStartup), because registering touches Hangfire's storage and command-line runs
/// such as db-apply must not.
/// </summary>
public static class MonthlyPackSchedule
{
    public const string Cron = "0 6 1 * *";

    /// <summary>The schedule, <see cref="Cron"/> unless <c>Octans:Packs:Schedule</c> says otherwise (ops/chaos runs it every minute).</summary>
    public static string Schedule(IConfiguration configuration) => configuration["Octans:Packs:Schedule"] is { Length: > 0 } cron ? cron : Cron;

    public static string RecurringJobId(Area area) => $"monthly-pack-{area.Id.ToLowerInvariant()}";

    public static async Task RegisterAsync(IServiceProvider services, IDocumentStore store, CancellationToken cancellation)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        await using var session = store.QuerySession();
        foreach (var area in await session.Query<Area>().ToListAsync(cancellation))
        {
            var name = area.Name;
            recurring.AddOrUpdate<MonthlyPackJob>(
                RecurringJobId(area),
                job => job.RenderLastMonthAsync(name, null, CancellationToken.None),
                Schedule(services.GetRequiredService<IConfiguration>()),
                new RecurringJobOptions { TimeZone = London.TimeZone });
        }
    }
}
