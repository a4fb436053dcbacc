using System.Globalization;

namespace Octans.Api.Problems;

/// <summary>
/// Dates people pick arrive as text ("2026-11-30"), so one that is not a date can be answered with an error naming
/// its field instead of the JSON reader failing the whole body.
/// </summary>
public static class PickedDate
{
    public static DateOnly? Of(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static bool IsMalformed(string? text) => !string.IsNullOrWhiteSpace(text) && Of(text) is null;
}
