using Hangfire;
using Octans.Api.Reports.Producing;
using Octans.Domain;
using Octans.Reports.PathwaysPacks;

namespace Octans.Api.Reports.Scheduling;

/// <summary>
/// The Pathways pack ahead of a Pathways meeting: the pack of the last quarter that ended before the meeting's day, made
/// <see cref="DaysAhead"/> days before it at 06:00 London time (at once when that time has passed), so the partners and
/// residents can read it beforehand. A meeting that is set up calls <see cref="AheadOfMeeting"/>.
/// </summary>
public static class PathwaysPackSchedule
{
    public const int DaysAhead = 7;

    /// <summary>The quarter whose pack a Pathways meeting on <paramref name="heldOn"/> reads: the last one ended before that day.</summary>
    public static PackQuarter QuarterBefore(DateOnly heldOn) => PackQuarter.Of(London.StartOfDay(heldOn)).AddQuarters(-1);

    /// <summary>Schedules the Pathways pack for a meeting of <paramref name="area"/> on <paramref name="heldOn"/> and gives the job's id.</summary>
    public static string AheadOfMeeting(IBackgroundJobClient jobs, string area, DateOnly heldOn, TimeProvider clock)
    {
        var quarter = QuarterBefore(heldOn);
        var text = quarter.ToString();
        var at = London.StartOfDay(heldOn.AddDays(-DaysAhead)).AddHours(6);
        if (at < quarter.Cutoff) at = quarter.Cutoff.AddHours(6);
        return at <= clock.GetUtcNow()
            ? jobs.Enqueue<PathwaysPackJob>(job => job.RenderAsync(area, text, null, CancellationToken.None))
            : jobs.Schedule<PathwaysPackJob>(job => job.RenderAsync(area, text, null, CancellationToken.None), at);
    }
}
