namespace Octans.Domain;

/// <summary>Days and months as people in Octans count them: in Europe/London, through GMT and BST.</summary>
public static class London
{
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime);

    /// <summary>The instant as a London clock shows it, for people to read.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        // UK clocks change at 01:00 GMT, so local midnight always exists and is never ambiguous.
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, TimeZone.GetUtcOffset(midnight));
    }

    public static DateTimeOffset StartOfMonth(int year, int month) => StartOfDay(new DateOnly(year, month, 1));

    /// <summary>The first instant after the month: the cutoff of that month's pack (exclusive).</summary>
    public static DateTimeOffset EndOfMonth(int year, int month) => StartOfDay(new DateOnly(year, month, 1).AddMonths(1));

    public static (int Year, int Month) MonthOf(DateTimeOffset instant)
    {
        var day = Today(instant);
        return (day.Year, day.Month);
    }
}
