using System.ComponentModel;
using Hangfire;
using Marten;
using Octans.Api.Meetings;
using Octans.Api.Reports.Archive;
using Octans.Api.Reports.Requesting;
using Octans.Domain;
using Octans.Reports.PathwaysPacks;

namespace Octans.Api.Reports.Scheduling;

/// <summary>
/// The Pathways pack ahead of each Pathways meeting, so partners and residents can read it beforehand: every morning at
/// 06:00 London time, each Pathways meeting of the next <see cref="DaysAhead"/> days whose quarter (the last one ended
/// before its day) has no pack yet gets one. Kept in Hangfire's storage, the check runs once across nodes, and one missed
/// while every node was down is made the next morning. A pack wanted sooner is asked for with POST /api/reports/pathways.
/// </summary>
public sealed class PathwaysPackSchedule(IDocumentStore store, PackArchive archive, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const int DaysAhead = 7;
    public const string RecurringJobId = "pathways-packs-ahead-of-meetings";

    /// <summary>The quarter whose pack a Pathways meeting on <paramref name="heldOn"/> reads: the last one ended before that day.</summary>
    public static PackQuarter QuarterBefore(DateOnly heldOn) => PackQuarter.Of(London.StartOfDay(heldOn)).AddQuarters(-1);

    /// <summary>Registered once the database answers (from DatabaseStartup), as registering touches Hangfire's storage.</summary>
    public static void Register(IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<PathwaysPackSchedule>(RecurringJobId,
            schedule => schedule.QueueAheadAsync(null, CancellationToken.None), "0 6 * * *", new RecurringJobOptions { TimeZone = London.TimeZone });

    /// <summary>
    /// Queues the packs the coming Pathways meetings of an area (every area's when null) need and do not have; gives the
    /// areas and quarters queued.
    /// </summary>
    [DisplayName("Pathways packs ahead of meetings")]
    public async Task<IReadOnlyList<string>> QueueAheadAsync(string? area, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var today = London.Today(now);
        await using var session = store.QuerySession();
        var coming = await MeetingRows.UpcomingAsync(session, MeetingKind.Pathways, today, today.AddDays(DaysAhead), cancellation);
        List<string> queued = [];
        foreach (var (meetingArea, quarter) in coming.Where(m => area is null || m.Area == area).Select(m => (m.Area, QuarterBefore(m.HeldOn))).Distinct())
        {
            if (!quarter.HasEndedAt(now)) continue;
            var period = quarter.ToString();
            if ((await archive.ListAsync(meetingArea, cancellation, PackKind.Pathways)).Any(pack => pack.Month == period)) continue;
            PathwaysPackRequests.Enqueue(jobs, meetingArea, quarter);
            queued.Add($"{meetingArea} {period}");
        }
        return queued;
    }
}
