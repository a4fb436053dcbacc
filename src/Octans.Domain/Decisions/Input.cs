using System.Globalization;

namespace Octans.Domain;

/// <summary>Collects what is wrong with the fields of one command, keyed by their camelCase body names.</summary>
internal sealed class Input
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool IsValid => errors.Count == 0;

    /// <summary>Free text that must be given; it may not carry personal data.</summary>
    public Input Required(string field, string? value, string noun, int max) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"Enter the {noun}.") : Optional(field, value, noun, max);

    /// <summary>Free text that may be left out; it may not carry personal data.</summary>
    public Input Optional(string field, string? value, string noun, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            return this;
        if (value.Trim().Length > max)
            return TooLong(field, noun, max);
        if (PlainText.Unstorable(value) is { } unstorable)
            return Add(field, PlainText.Refusal(noun, unstorable));
        return PersonalData.Check(value, noun) is { } message ? Add(field, message) : this;
    }

    /// <summary>A name from a list the partnership keeps (category, area), so not checked for personal data.</summary>
    public Input Name(string field, string? value, string noun, int max, bool optional = false)
    {
        if (string.IsNullOrWhiteSpace(value))
            return optional ? this : Add(field, $"Enter the {noun}.");
        if (value.Trim().Length > max)
            return TooLong(field, noun, max);
        return PlainText.Unstorable(value) is { } unstorable ? Add(field, PlainText.Refusal(noun, unstorable)) : this;
    }

    public Input Given<T>(string field, T? value, string message) where T : struct =>
        value is null ? Add(field, message) : this;

    public Input Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    /// <summary>A picked date outside <see cref="PickedDays"/>, unless the field is wrong for another reason already.</summary>
    public Input Day(string field, DateOnly? day, string noun, DateTimeOffset now)
    {
        var today = London.Today(now);
        return day is { } picked && !PickedDays.IsWithin(picked, today) && !errors.ContainsKey(field)
            ? Add(field, PickedDays.Refusal(noun, today))
            : this;
    }

    public Input Location(string field, Location? location)
    {
        if (location is null)
            return Add(field, "Enter the location.");

        Required($"{field}.description", location.Description, "location description", TextLimits.LocationDescription);
        if (location.Latitude is null != location.Longitude is null)
            Add(location.Latitude is null ? $"{field}.latitude" : $"{field}.longitude",
                "Enter both the latitude and the longitude, or neither.");
        if (location.Latitude is { } latitude && !(latitude is >= 49.8 and <= 60.95))
            Add($"{field}.latitude", "The latitude must be in the UK, between 49.8 and 60.95.");
        if (location.Longitude is { } longitude && !(longitude is >= -8.7 and <= 1.8))
            Add($"{field}.longitude", "The longitude must be in the UK, between -8.7 and 1.8.");
        // UPRNs and USRNs are published as up to 12 and 8 digits; shorter ones are real, so only the maximum is enforced.
        if (location.Uprn.Tidy() is { } uprn && !IsDigits(uprn, 12))
            Add($"{field}.uprn", "The UPRN must be a number of up to 12 digits.");
        if (location.Usrn.Tidy() is { } usrn && !IsDigits(usrn, 8))
            Add($"{field}.usrn", "The USRN must be a number of up to 8 digits.");
        // The ward is typed, not picked from a list, so it is checked for personal data like the description.
        return Optional($"{field}.ward", location.Ward, "ward", TextLimits.Ward);
    }

    public Decision Refusal() => Decision.Refuse(
        string.Join(" ", errors.Values.SelectMany(messages => messages)),
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

    private static bool IsDigits(string text, int maxLength) => text.Length <= maxLength && text.All(char.IsAsciiDigit);

    private Input TooLong(string field, string noun, int max) =>
        Add(field, $"The {noun} must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer.");

    private Input Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
            errors[field] = messages = [];
        messages.Add(message);
        return this;
    }
}

internal static class Tidying
{
    /// <summary>Trims text, and turns blank text into null so that "not given" has one spelling in the events.</summary>
    public static string? Tidy(this string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static Location Tidy(this Location location) => new(
        location.Description.Trim(), location.Latitude, location.Longitude,
        location.Uprn.Tidy(), location.Usrn.Tidy(), location.Ward.Tidy());
}
