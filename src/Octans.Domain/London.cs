using System.Globalization;

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

    /// <summary>A day as GOV.UK writes it, in pages and packs alike: "4 December 2026" (no weekday, month in full).</summary>
    public static string Written(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The London day of the instant, written as <see cref="Written(DateOnly)"/>.</summary>
    public static string Written(DateTimeOffset instant) => Written(Today(instant));

    /// <summary>The instant's London day and time as GOV.UK writes them: "4 December 2026 at 2:05pm", "at midday", "at midnight".</summary>
    public static string WrittenWithTime(DateTimeOffset instant)
    {
        var local = Local(instant);
        return $"{Written(DateOnly.FromDateTime(local.DateTime))} at {Time(TimeOnly.FromDateTime(local.DateTime))}";
    }

    /// <summary>A clock time as GOV.UK writes it: "9am", "2:05pm", "midday", "midnight".</summary>
    public static string Time(TimeOnly time) => (time.Hour, time.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        var (hour, minute) => string.Create(CultureInfo.InvariantCulture,
            $"{(hour % 12 == 0 ? 12 : hour % 12)}{(minute == 0 ? "" : $":{minute:00}")}{(hour < 12 ? "am" : "pm")}"),
    };
}
