using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>
/// The days of the demo, counted back from today in Europe/London: the partnership meets on the second Tuesday of
/// each month, and everything else happens on a working day between meetings.
/// </summary>
internal sealed class DemoCalendar
{
    private readonly DateOnly _latestMeetingMonth;

    public DemoCalendar(DateTimeOffset now)
    {
        Today = London.Today(now);
        var month = new DateOnly(Today.Year, Today.Month, 1);
        if (SecondTuesday(month) >= Today) month = month.AddMonths(-1);
        _latestMeetingMonth = month;
    }

    public DateOnly Today { get; }

    /// <summary>The last day anything in the demo happens: the working day before today.</summary>
    public DateOnly Yesterday => WorkingDayOnOrBefore(Today.AddDays(-1));

    /// <summary>The monthly meeting <paramref name="monthsAgo"/> months before the latest one held before today; -1 is the next one.</summary>
    public DateOnly Meeting(int monthsAgo) => SecondTuesday(_latestMeetingMonth.AddMonths(-monthsAgo));

    /// <summary>
    /// The working day <paramref name="days"/> after (or before) a meeting. A weekend moves to the Monday, and a day
    /// that has not come yet becomes yesterday, so the same story fits whatever day the demo is loaded on.
    /// </summary>
    public DateOnly Day(int monthsAgo, int days)
    {
        var day = Meeting(monthsAgo).AddDays(days);
        day = day.DayOfWeek switch
        {
            DayOfWeek.Saturday => day.AddDays(2),
            DayOfWeek.Sunday => day.AddDays(1),
            _ => day,
        };
        return day < Today ? day : Yesterday;
    }

    private static DateOnly WorkingDayOnOrBefore(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };

    private static DateOnly SecondTuesday(DateOnly anyDayOfMonth)
    {
        var first = new DateOnly(anyDayOfMonth.Year, anyDayOfMonth.Month, 1);
        var firstTuesday = first.AddDays(((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7);
        return firstTuesday.AddDays(7);
    }
}
