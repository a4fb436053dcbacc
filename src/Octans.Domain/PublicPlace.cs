using System.Text.RegularExpressions;

namespace Octans.Domain;

/// <summary>
/// Where a problem is, as residents are told: the street, from the first part of its location's description, without a
/// house number and never as a pin or coordinates.
/// </summary>
public static partial class PublicPlace
{
    public const int MaxLength = 60;

    public static string Of(Location location)
    {
        // The first part that is more than a flat or house number: "Flat 3, 40 North Street" is on North Street.
        var street = location.Description.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => HouseNumber().Replace(part, "").Trim()).FirstOrDefault(part => part.Length > 0)
            ?? (location.Ward?.Trim() is { Length: > 0 } ward ? ward : "the area");
        if (street.Length <= MaxLength) return street;
        var cut = street[..MaxLength];
        return (cut.LastIndexOf(' ') is > 20 and var space ? cut[..space] : cut[..(MaxLength - 1)]).TrimEnd() + "…";
    }

    [GeneratedRegex(@"^(flat|unit|apartment)?\s*\d+[a-z]?\b\s*", RegexOptions.IgnoreCase)]
    private static partial Regex HouseNumber();
}
