using CsvHelper;
using Marten;
using Npgsql;
using Octans.Domain;

namespace Octans.Api.Problems.Listing;

/// <summary>A column of the problems' CSV: its name in the header, what it reads from a problem's row, and how it is written.</summary>
public sealed record ExportColumn(string Name, string Sql, Action<CsvWriter, NpgsqlDataReader, int> Write, bool NeedsToday = false);

/// <summary>
/// The list's filters and the chosen columns, once checked, for the problems' CSV. Every matching row is written, most recently
/// updated first (nearest first within a circle) unless another order is asked for, streamed from the database to the answer a row at a time.
/// </summary>
public sealed record ProblemExport(ProblemFilter Filter, IReadOnlyList<ExportColumn> Columns)
{
    public const string FileName = "octans-problems.csv";
    public const string ContentType = "text/csv; charset=utf-8";

    static void Text(CsvWriter csv, NpgsqlDataReader r, int i) => csv.WriteField(r.IsDBNull(i) ? null : r.GetString(i));
    static void Whole(CsvWriter csv, NpgsqlDataReader r, int i) => csv.WriteField(r.GetInt32(i), default);
    static void Instant(CsvWriter csv, NpgsqlDataReader r, int i) => csv.WriteField(r.GetFieldValue<DateTimeOffset>(i), default);
    static void Day(CsvWriter csv, NpgsqlDataReader r, int i)
    {
        if (r.IsDBNull(i)) csv.WriteField((string?)null);
        else csv.WriteField(r.GetFieldValue<DateOnly>(i), default);
    }

    /// <summary>Every column a CSV may have, by the name the list's JSON gives the same field.</summary>
    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("id", $"d.{ProblemRows.Id}::text", Text),
        new("reference", $"d.{ProblemRows.Reference}", Text),
        new("title", $"d.{ProblemRows.Title}", Text),
        new("category", $"d.{ProblemRows.Category}", Text),
        new("area", $"d.{ProblemRows.Area}", Text),
        new("location", $"d.{ProblemRows.Place}", Text),
        new("ward", $"d.{ProblemRows.Ward}", Text),
        new("phase", $"d.{ProblemRows.Phase}", Text),
        new("status", $"d.{ProblemRows.Status}", Text),
        new("rag", $"d.{ProblemRows.Rag}", Text),
        new("risk", $"d.{ProblemRows.Risk}", Text),
        new("outcome", $"d.{ProblemRows.Outcome}", Text),
        new("openActions", $"d.{ProblemRows.OpenActions}", Whole),
        new("overdueActions", $"(select count(*) from unnest(d.{ProblemRows.OpenDueDates}) as due where due < ?)::int", Whole, NeedsToday: true),
        new("nextReviewOn", $"d.{ProblemRows.NextReviewOn}", Day),
        new("reportedAt", $"d.{ProblemRows.ReportedAt}", Instant),
        new("updatedAt", $"d.{ProblemRows.UpdatedAt}", Instant),
        new("version", $"d.{ProblemRows.Version}", Whole),
    ];

    /// <summary>The columns when none are asked for: those API.md names.</summary>
    public static readonly IReadOnlyList<string> Usual =
        ["reference", "title", "category", "phase", "rag", "risk", "openActions", "overdueActions", "updatedAt"];

    /// <summary>
    /// The list's filters (paging aside: a CSV has every match) and the columns, comma-separated and named as the list's
    /// JSON names them; each mistake is named by its field, an unknown column by its name.
    /// </summary>
    public static async Task<(ProblemExport? Export, Dictionary<string, string[]> Errors)> CheckAsync(ProblemFilter.Asked asked, string? columns,
        Reader reader, IQuerySession session, DateOnly today, CancellationToken cancellation)
    {
        var (filter, errors) = await ProblemFilter.CheckAsync(asked with { Page = null, PageSize = null }, reader, session, today, cancellation);
        var names = string.IsNullOrWhiteSpace(columns)
            ? Usual
            : columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var chosen = names.Select(name => All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
        var unknown = names.Where((_, i) => chosen[i] is null).ToList();
        if (unknown.Count > 0)
            errors["columns"] = [$"There is no column called {string.Join(" or ", unknown.Select(u => $"'{u}'"))}. Choose from {string.Join(", ", All.Select(c => c.Name))}."];
        else if (names.Count == 0)
            errors["columns"] = [$"Choose at least one column, from {string.Join(", ", All.Select(c => c.Name))}."];
        else if (chosen.Distinct().Count() < chosen.Count)
            errors["columns"] = ["Name each column once."];
        if (filter is null || errors.Count > 0) return (null, errors);
        return (new ProblemExport(filter, chosen!), errors);
    }

    /// <summary>
    /// Writes the header and every matching problem to <paramref name="output"/> as UTF-8 CSV. A cell that a spreadsheet would
    /// run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so it shows as text.
    /// </summary>
    public async Task WriteAsync(IDocumentStore store, Stream output, CancellationToken cancellation)
    {
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteHeader([.. Columns.Select(c => c.Name)]);
        await using var session = store.QuerySession();
        await ProblemRows.ExportAsync(session, this, async reader =>
        {
            for (var i = 0; i < Columns.Count; i++) Columns[i].Write(csv, reader, i);
            await csv.EndRecordAsync(cancellation);
        }, cancellation);
        await csv.FlushAsync(cancellation);
    }
}
