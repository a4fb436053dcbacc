using System.Globalization;

namespace Octans.Api.Problems;

/// <summary>Whole numbers a query string gives for paging, such as page=2 or before=120.</summary>
public static class Paging
{
    /// <summary><paramref name="fallback"/> when not given; otherwise the number, or an error on <paramref name="field"/> when it is not one in range.</summary>
    public static int Whole(string? text, int fallback, int min, int max, string field, string message, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max) return number;
        errors[field] = [message];
        return fallback;
    }
}
