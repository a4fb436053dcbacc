using System.Globalization;

namespace Octans.Domain;

/// <summary>
/// The dates people pick (due dates, meetings, reviews, sightings, months of packs) lie from <see cref="Earliest"/> to
/// <see cref="YearsAhead"/> years after today in London. Octans keeps nothing older and no partnership plans further
/// ahead, so a date outside is a slip of the keyboard (2062 for 2026, 9999 to keep an action off the overdue list).
/// </summary>
public static class PickedDays
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public const int YearsAhead = 5;

    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAhead);

    public static bool IsWithin(DateOnly day, DateOnly today) => day >= Earliest && day <= Latest(today);

    public static string Refusal(string noun, DateOnly today) =>
        string.Create(CultureInfo.InvariantCulture, $"The {noun} must be between {Earliest:d MMMM yyyy} and {Latest(today):d MMMM yyyy}.");
}
