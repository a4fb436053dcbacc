using System.Text.RegularExpressions;

namespace Octans.Reports.PathwaysPacks;

/// <summary>A place as residents may read it: the street and landmarks, without house or flat numbers.</summary>
public static partial class StreetLevel
{
    /// <summary>"Rear of 12a Wenlock Street" becomes "Rear of Wenlock Street"; "Flat 3, 14 Burr Street" becomes "Burr Street".</summary>
    public static string Of(string place)
    {
        var parts = place.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => Spaces().Replace(Number().Replace(part, " "), " ").Trim())
            .Where(part => part.Length > 0)
            .ToList();
        return parts.Count == 0 ? "A place in the area" : string.Join(", ", parts);
    }

    // A flat, unit or house number: "Flat 3", "No. 12", "12", "12a", "12-14".
    [GeneratedRegex(@"\b(?:(?:flat|unit|apartment|no\.?|number)\s+)?\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
