using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Octans.Api.Problems;
using Octans.Domain;

namespace Octans.Api.Pages;

/// <summary>Ties the fields of the pages' forms to their error messages and the GOV.UK error summary.</summary>
public static class PageFields
{
    /// <summary>The HTML id of a field: "location.latitude" becomes "location-latitude". Model state keys ignore
    /// case, so a key may arrive as "Title" for the field "title".</summary>
    public static string Id(string field) =>
        field.Length == 0 ? field : (char.ToLowerInvariant(field[0]) + field[1..]).Replace('.', '-');

    public static string? ErrorFor(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Puts a refused change's messages on its fields, or its detail at the top when no field is named.</summary>
    public static void Add(this ModelStateDictionary state, ChangeOutcome outcome) =>
        state.Add(outcome.Errors, outcome.Refusal?.Detail);

    /// <summary>
    /// The messages in the form's own words: a field left empty that has a message in <paramref name="whenEmpty"/> gets it,
    /// GOV.UK's "Enter…" or "Select…" in its label's words, in place of the domain's, which speaks of the API's field names.
    /// Other messages (too long, a date in the past) stand.
    /// </summary>
    public static IDictionary<string, string[]> InLabelWords(this IDictionary<string, string[]> errors,
        IReadOnlyDictionary<string, string> whenEmpty, Func<string, bool> isEmpty)
    {
        var worded = new Dictionary<string, string[]>(errors, StringComparer.OrdinalIgnoreCase);
        foreach (var (field, message) in whenEmpty)
            if (worded.ContainsKey(field) && isEmpty(field)) worded[field] = [message];
        return worded;
    }

    /// <summary>Puts a refusal's messages on their fields, in the form's words for the fields left empty in <paramref name="form"/>.</summary>
    public static void Add(this ModelStateDictionary state, ProblemDetails refusal, IReadOnlyDictionary<string, string> whenEmpty, IFormCollection form) =>
        state.Add(((refusal as HttpValidationProblemDetails)?.Errors ?? new Dictionary<string, string[]>())
            .InLabelWords(whenEmpty, field => string.IsNullOrWhiteSpace(form[field])), refusal.Detail);

    /// <summary>Puts messages on their fields, or <paramref name="detail"/> at the top when no field is named.</summary>
    public static void Add(this ModelStateDictionary state, IDictionary<string, string[]> errors, string? detail)
    {
        if (errors.Count == 0)
        {
            state.AddModelError("", detail ?? "That could not be done.");
            return;
        }
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                state.AddModelError(field, message);
    }
}

/// <summary>
/// A form's GOV.UK error summary: its errors in the order of <see cref="Fields"/>, the form's fields as they appear, each
/// linking to its field's input, a date's to its Day box (<see cref="Dates"/>). An error on no field comes first; one on
/// a field not listed comes last. A field's parent ("location" for "location.description") is its first child's place.
/// </summary>
public sealed record ErrorSummary(ModelStateDictionary State, params IReadOnlyList<string> Fields)
{
    public IReadOnlyList<string> Dates { get; init; } = [];

    public IEnumerable<(string? Anchor, string Message)> InFormOrder() =>
        from entry in State
        where entry.Value is { Errors.Count: > 0 }
        let place = Place(entry.Key)
        orderby entry.Key.Length == 0 ? -1 : place < 0 ? Fields.Count : place
        from error in entry.Value!.Errors
        select (entry.Key.Length == 0 ? null : Anchor(place < 0 ? entry.Key : Fields[place]), error.ErrorMessage);

    private int Place(string key)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (string.Equals(Fields[i], key, StringComparison.OrdinalIgnoreCase)) return i;
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].StartsWith(key + ".", StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private string Anchor(string field) =>
        Dates.Contains(field, StringComparer.OrdinalIgnoreCase) ? $"{PageFields.Id(field)}-day" : PageFields.Id(field);
}

/// <summary>A GOV.UK date input: its three boxes as typed, named "{Name}-day", "{Name}-month" and "{Name}-year".</summary>
public sealed record DateInput(string Name, string Label, string? Hint, string? Error, string? Day, string? Month, string? Year)
{
    public const string NotReal = "Enter a real date, for example 30 11 2026";

    /// <summary>The day the three boxes give; null when all are empty, or when they give no real day (<paramref name="real"/> false).</summary>
    public static DateOnly? Read(string? day, string? month, string? year, out bool real)
    {
        real = true;
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year)) return null;
        if (int.TryParse(day?.Trim(), out var d) && int.TryParse(month?.Trim(), out var m) && int.TryParse(year?.Trim(), out var y) && y is >= 2000 and <= 2100
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, d);
        real = false;
        return null;
    }
}

/// <summary>One GOV.UK form field: a text input, a textarea, a select, radios or a date, with its hint and error.</summary>
public sealed record Field(string Name, string Label, string? Value, string? Error = null)
{
    public string? Hint { get; init; }
    public string Type { get; init; } = "text";
    public string? Autocomplete { get; init; }
    public string Width { get; init; } = "";
    public bool Multiline { get; init; }
    public int Rows { get; init; } = 4;
    public IReadOnlyList<(string Value, string Text)>? Options { get; init; }
    public bool AsRadios { get; init; }
    public bool Inline { get; init; }
    public bool LabelIsPageHeading { get; init; }
    public string? InputMode { get; init; }
    public bool Spellcheck { get; init; } = true;

    /// <summary>The most characters the field takes (from <see cref="TextLimits"/>): a textarea shows the GOV.UK character count.</summary>
    public int? MaxLength { get; init; }
    public string Id => PageFields.Id(Name);
}
