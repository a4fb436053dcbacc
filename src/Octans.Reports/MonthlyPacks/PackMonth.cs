using System.Globalization;
using System.Text.RegularExpressions;
using Octans.Domain;

namespace Octans.Reports.MonthlyPacks;

/// <summary>
/// A calendar month as people write it ("2026-10"), with its boundaries in Europe/London: a pack covers the events
/// from <see cref="Start"/> up to, not including, <see cref="Cutoff"/>.
/// </summary>
public readonly partial record struct PackMonth : IComparable<PackMonth>
{
    public PackMonth(int year, int month)
    {
        if (year is < 2000 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year, "A pack's year must be between 2000 and 9999.");
        if (month is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(month), month, "A month is numbered 1 (January) to 12 (December).");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateTimeOffset Start => London.StartOfMonth(Year, Month);

    /// <summary>The first instant of the next month in London; an event belongs to the pack when it happened before it.</summary>
    public DateTimeOffset Cutoff => London.EndOfMonth(Year, Month);

    /// <summary>The first day after the month: an action still open and due before it was overdue at the month's end.</summary>
    public DateOnly DayAfter => new DateOnly(Year, Month, 1).AddMonths(1);

    /// <summary>"October 2026".</summary>
    public string Name => new DateOnly(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Oct 2026".</summary>
    public string ShortName => new DateOnly(Year, Month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    public PackMonth AddMonths(int months)
    {
        var first = new DateOnly(Year, Month, 1).AddMonths(months);
        return new PackMonth(first.Year, first.Month);
    }

    public bool HasEndedAt(DateTimeOffset now) => now >= Cutoff;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < Cutoff;

    public static PackMonth Of(DateTimeOffset instant)
    {
        var (year, month) = London.MonthOf(instant);
        return new PackMonth(year, month);
    }

    /// <summary>Reads "2026-10"; anything else, including "2026-1" or "October 2026", is not a month.</summary>
    public static bool TryParse(string? text, out PackMonth month)
    {
        month = default;
        var match = text is null ? null : Format().Match(text.Trim());
        if (match is not { Success: true })
            return false;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        if (year < 2000 || number is < 1 or > 12)
            return false;
        month = new PackMonth(year, number);
        return true;
    }

    public static PackMonth Parse(string text) =>
        TryParse(text, out var month)
            ? month
            : throw new FormatException($"'{text}' is not a month; write it as year and month, e.g. 2026-10.");

    public int CompareTo(PackMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(PackMonth left, PackMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(PackMonth left, PackMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(PackMonth left, PackMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PackMonth left, PackMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})$")]
    private static partial Regex Format();
}
