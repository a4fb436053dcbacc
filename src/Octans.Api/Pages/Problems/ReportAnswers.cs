using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Octans.Api.Problems;
using Octans.Api.Problems.Reporting;

namespace Octans.Api.Pages.Problems;

/// <summary>
/// What someone typed on the report form, as typed, kept in the browser's encrypted temporary cookie between the form
/// and the page that checks the answers, so a Change link brings the form back filled in. Reporting forgets them.
/// </summary>
public sealed record ReportAnswers(string? Title, string? Statement, string? Category, string? Area, string? Risk, string? Where,
    string? Latitude, string? Longitude, string? Uprn, string? Usrn, string? Ward)
{
    private const string Key = "ReportAnswers";

    public static ReportAnswers? Peek(ITempDataDictionary kept) =>
        kept.Peek(Key) is string json ? JsonSerializer.Deserialize<ReportAnswers>(json) : null;

    public void Keep(ITempDataDictionary kept) => kept[Key] = JsonSerializer.Serialize(this);

    public static void Forget(ITempDataDictionary kept) => kept.Remove(Key);

    /// <summary>The report these answers make, and the mistakes in them that the report itself cannot see (a latitude that is not a number).</summary>
    public (ReportProblemRequest Request, FieldError[] Mistakes) ToRequest()
    {
        var mistakes = new List<FieldError>();
        var latitude = Number(Latitude, "location.latitude", "Enter the latitude as a number, like 51.8853", mistakes);
        var longitude = Number(Longitude, "location.longitude", "Enter the longitude as a number, like -0.4151", mistakes);
        var request = new ReportProblemRequest(Title, Statement, Category, Area, Risk,
            new LocationRequest(Where, latitude, longitude, Blank(Uprn), Blank(Usrn), Blank(Ward)));
        return (request, [.. mistakes]);
    }

    private static double? Number(string? text, string field, string message, List<FieldError> mistakes)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        mistakes.Add(new FieldError(field, message));
        return null;
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
