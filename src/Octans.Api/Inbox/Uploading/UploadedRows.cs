using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Octans.Domain;

namespace Octans.Api.Inbox.Uploading;

/// <summary>A row of an uploaded file that was not taken, and why; <see cref="Row"/> numbers rows as a spreadsheet does, the header being row 1.</summary>
public sealed record SkippedRow(int Row, string Reason);

/// <summary>A row read from an uploaded file: the report it makes, the key it is known by, or why it makes none.</summary>
public sealed record UploadedRow(int Row, TakeReport? Report, string? Key, string? Reason);

/// <summary>
/// Reads an export of reports (such as the police's ASB reports): a header row naming the columns Octans knows, then a
/// report a row. A row that cannot make a report says why; the rest of the file is still read.
/// </summary>
public static class UploadedRows
{
    public const string Reference = "reference", Received = "received", Category = "category", Description = "description",
        Location = "location", Latitude = "latitude", Longitude = "longitude";

    public static readonly string[] Known = [Reference, Received, Category, Description, Location, Latitude, Longitude];

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss",
         "d/M/yyyy", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss"];

    /// <summary>What is wrong with the header as a whole, or null when each report can be read from it.</summary>
    public static string? CheckHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        string[] missing = [.. new[] { Received, Category, Description }.Where(n => !names.Contains(n))];
        if (missing.Length > 0 || !(names.Contains(Location) || names.Contains(Latitude) && names.Contains(Longitude)))
            return $"The header row must name the columns received, category, description and location or latitude and longitude{(missing.Length > 0 ? $"; it has no {string.Join(", ", missing)}" : "")}.";
        return null;
    }

    public static UploadedRow Read(CsvReader csv, IReadOnlyList<string> header, string area, string source, DateTimeOffset now)
    {
        var row = (int)csv.RowNumber + 1;
        string? Field(string name)
        {
            for (var i = 0; i < header.Count && i < csv.FieldCount; i++)
                if (header[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return csv.GetString(i).Trim() is { Length: > 0 } value ? value : null;
            return null;
        }

        if (csv.FieldCount > header.Count) return new(row, null, null, "The row has more fields than the header row names.");
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var value = csv.GetString(i);
            if (PlainText.Unstorable(value) is { } c) return new(row, null, null, PlainText.Refusal($"'{header[i]}' column", c));
            if (!Known.Contains(header[i].Trim(), StringComparer.OrdinalIgnoreCase) && value.Trim().Length > 0)
                return new(row, null, null, $"The row has a value in the column '{Printable(header[i])}', which Octans does not know; the columns are {string.Join(", ", Known)}.");
        }

        var received = Field(Received);
        if (received is null) return new(row, null, null, "The row has no date received.");
        if (!DateTime.TryParseExact(received, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new(row, null, null, $"The date received '{Printable(received)}' is not a date such as 2026-11-12 or 12/11/2026 14:30.");
        var (latitude, latitudeOk) = Number(Field(Latitude));
        var (longitude, longitudeOk) = Number(Field(Longitude));
        if (!latitudeOk || !longitudeOk) return new(row, null, null, "The latitude and longitude must be numbers such as 51.8862 and -0.4172.");
        var place = Field(Location) ?? (latitude is { } lat && longitude is { } lon
            ? string.Create(CultureInfo.InvariantCulture, $"Pin at {lat:0.#####}, {lon:0.#####}")
            : null);
        if (place is null) return new(row, null, null, "The row has no place: give a location, or a latitude and longitude.");

        var reference = Field(Reference);
        var key = reference ?? "row:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)))));
        var report = new TakeReport(Guid.CreateVersion7(), area, source, key, Field(Category), Field(Description),
            new Domain.Location(place, latitude, longitude, null, null, null), London.StartOfDay(DateOnly.FromDateTime(local)).Add(local.TimeOfDay));
        return new(row, report, key, null);
    }

    private static (double? Value, bool Ok) Number(string? text) =>
        text is null ? (null, true)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? (value, true)
        : (null, false);

    private static string Printable(string text) => string.Concat(text.Take(60).Select(c => char.IsControl(c) ? '?' : c));
}
