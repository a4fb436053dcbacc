using System.Security.Claims;
using CsvHelper;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Inbox.Uploading;

public sealed record UploadAnswer(int Taken, IReadOnlyList<SkippedRow> Skipped);

/// <summary>Taking an uploaded file of reports into an area's inbox in one transaction, for the API and the page alike.</summary>
public static class ReportUploading
{
    public const string Source = "CSV upload";
    public const int MaxRows = 10_000;
    public const int MaxBytes = 20 * 1024 * 1024;

    public static async Task<(UploadAnswer? Answer, ProblemDetails? Refusal)> UploadAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        string? areaName, byte[] file, CancellationToken cancellation)
    {
        await using var session = store.OpenWriteSession();
        var area = await ReferenceDataLookups.FindAreaAsync(session, areaName, cancellation);
        if (area is null)
            return (null, Answers.Invalid("area", string.IsNullOrWhiteSpace(areaName) ? "Say which area's inbox the reports are for, such as area=HT." : $"There is no area called '{areaName}'."));
        if (!System.Text.Unicode.Utf8.IsValid(file)) return (null, Answers.Unreadable("The file is not UTF-8 text. Save it as CSV UTF-8 and send it again."));

        var now = clock.GetUtcNow();
        var rows = new List<UploadedRow>();
        try
        {
            using var csv = CsvReader.Create(file, new CsvReaderOptions { Separator = ',', MaxRecordSize = 64 * 1024 });
            var header = csv.Headers.ToArray();
            if (UploadedRows.CheckHeader(header) is { } wrongHeader) return (null, Answers.Invalid("file", wrongHeader));
            while (csv.Read())
            {
                if (rows.Count == MaxRows) return (null, Answers.Invalid("file", $"The file has more than {MaxRows:N0} reports; send it in parts."));
                rows.Add(UploadedRows.Read(csv, header, area.Name, Source, now));
            }
        }
        catch (CsvFormatException)
        {
            return (null, Answers.Unreadable("The file is not CSV that Octans can read: check its quotes and line breaks."));
        }

        var categories = (await session.Query<Category>().ToListAsync(cancellation)).Select(c => c.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = await InboxReports.KnownAsync(session, area.Name, Source, [.. rows.Where(r => r.Key is not null).Select(r => r.Key!)], cancellation);
        var skipped = new List<SkippedRow>();
        var taken = 0;
        foreach (var row in rows)
        {
            if (row.Report is null) { skipped.Add(new(row.Row, row.Reason!)); continue; }
            if (!known.Add(row.Key!)) { skipped.Add(new(row.Row, $"A report with the reference '{row.Key}' was taken already.")); continue; }
            if (row.Report.Category is { } category && !categories.TryGetValue(category, out _))
            {
                skipped.Add(new(row.Row, $"There is no category called '{category}'. Choose one from GET /api/categories."));
                continue;
            }
            var decision = InboxDecisions.Receive(row.Report with { Category = categories.TryGetValue(row.Report.Category ?? "", out var name) ? name : row.Report.Category },
                user.Actor(), now);
            if (decision.IsRefused) { skipped.Add(new(row.Row, decision.Detail!)); continue; }
            session.Events.StartStream<InboxReport>(row.Report.ReportId, [.. decision.Events]);
            taken++;
        }
        if (taken > 0) await session.SaveChangesAsync(cancellation);
        return (new UploadAnswer(taken, skipped), null);
    }
}

public static class UploadReportsEndpoint
{
    /// <summary>
    /// A CSV file of reports (<c>text/csv</c>, UTF-8) into an area's inbox: rows that cannot be taken are listed with why,
    /// and the rest are taken. A report taken before (the same reference, or the same row without one) is not taken again.
    /// </summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/inbox/upload", Name = "UploadReports")]
    [Tags("Inbox")]
    [ProducesResponseType<UploadAnswer>(200)]
    public static async Task<IResult> Post(HttpRequest request, string? area, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
            return new ProblemDetails { Status = 415, Title = "Send a CSV file", Detail = "Send the file as the request body with the header 'Content-Type: text/csv'." }.Result();
        if (request.ContentLength > ReportUploading.MaxBytes) return Answers.TooLarge().Result();
        using var body = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (body.Length + read > ReportUploading.MaxBytes) return Answers.TooLarge().Result();
            body.Write(chunk, 0, read);
        }
        var (answer, refusal) = await ReportUploading.UploadAsync(store, user, clock, area, body.ToArray(), cancellation);
        return answer is null ? refusal!.Result() : Results.Ok(answer);
    }
}
