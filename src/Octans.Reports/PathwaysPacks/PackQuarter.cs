using System.Globalization;
using System.Text.RegularExpressions;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;

namespace Octans.Reports.PathwaysPacks;

/// <summary>
/// A calendar quarter as people write it ("2026-Q4", October to December), with its boundaries in Europe/London: a
/// Pathways pack covers the events from <see cref="Start"/> up to, not including, <see cref="Cutoff"/>.
/// </summary>
public readonly partial record struct PackQuarter
{
    public PackQuarter(int year, int quarter)
    {
        if (year is < 2000 or > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year, "A pack's year must be between 2000 and 9999.");
        if (quarter is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is numbered 1 (January to March) to 4 (October to December).");
        Year = year;
        Quarter = quarter;
    }

    public int Year { get; }
    public int Quarter { get; }

    public PackMonth FirstMonth => new(Year, Quarter * 3 - 2);
    public PackMonth LastMonth => new(Year, Quarter * 3);

    public DateTimeOffset Start => FirstMonth.Start;

    /// <summary>The first instant of the next quarter in London; an event belongs to the pack when it happened before it.</summary>
    public DateTimeOffset Cutoff => LastMonth.Cutoff;

    /// <summary>The first day after the quarter.</summary>
    public DateOnly DayAfter => LastMonth.DayAfter;

    /// <summary>"October to December 2026".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"{new DateOnly(Year, FirstMonth.Month, 1):MMMM} to {new DateOnly(Year, LastMonth.Month, 1):MMMM} {Year}");

    public bool HasEndedAt(DateTimeOffset now) => now >= Cutoff;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < Cutoff;

    public PackQuarter AddQuarters(int quarters)
    {
        var index = Year * 4 + Quarter - 1 + quarters;
        return new PackQuarter(index / 4, index % 4 + 1);
    }

    public static PackQuarter Of(DateTimeOffset instant)
    {
        var (year, month) = London.MonthOf(instant);
        return new PackQuarter(year, (month + 2) / 3);
    }

    /// <summary>Reads "2026-Q4" (the q in either case); anything else is not a quarter.</summary>
    public static bool TryParse(string? text, out PackQuarter quarter)
    {
        quarter = default;
        var match = text is null ? null : Format().Match(text.Trim());
        if (match is not { Success: true })
            return false;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year < 2000)
            return false;
        quarter = new PackQuarter(year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static PackQuarter Parse(string text) =>
        TryParse(text, out var quarter)
            ? quarter
            : throw new FormatException($"'{text}' is not a quarter; write it as year and quarter, e.g. 2026-Q4.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-Q{Quarter}");

    [GeneratedRegex(@"^(?<year>\d{4})-[Qq](?<quarter>[1-4])$")]
    private static partial Regex Format();
}
