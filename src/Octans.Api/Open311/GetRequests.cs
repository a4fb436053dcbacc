using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Octans.Api.Intake.Keys;
using Wolverine.Http;

namespace Octans.Api.Open311;

/// <summary>
/// Where reports stand, for the systems that sent them. A report's id is not guessable, so knowing it is what lets one
/// read it; the list of updates needs the sender's key and shows only its own reports.
/// </summary>
public static class GetRequestsEndpoints
{
    [AllowAnonymous]
    [WolverineGet("/open311/v2/requests/{id}.{format}", Name = "Open311GetRequest")]
    [Tags("Open311")]
    public static async Task<IResult> GetOne(string id, string format, IQuerySession session, CancellationToken cancellation)
    {
        if (!GeoReport.IsFormat(format)) return GeoReport.Error("xml", 404, "Ask for the request as .xml or .json.");
        var found = Guid.TryParse(id, out var reportId) ? await Open311Requests.ReadAsync(session, [reportId], cancellation) : [];
        return found.Count == 0 ? GeoReport.Error(format, 404, "There is no service request with that id.") : Answer(format, found);
    }

    [AllowAnonymous]
    [WolverineGet("/open311/v2/requests.{format}", Name = "Open311GetRequests")]
    [Tags("Open311")]
    public static async Task<IResult> GetMany(string format, string? service_request_id, IQuerySession session, CancellationToken cancellation)
    {
        if (!GeoReport.IsFormat(format)) return GeoReport.Error("xml", 404, "Ask for requests.xml or requests.json.");
        var ids = (service_request_id ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0) return GeoReport.Error(format, 400, "Give service_request_id: one id, or several separated by commas.");
        if (ids.Length > Open311Requests.MaxIds) return GeoReport.Error(format, 400, $"Ask for at most {Open311Requests.MaxIds} service requests at once.");
        var wanted = ids.Select(i => Guid.TryParse(i, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToArray();
        return Answer(format, await Open311Requests.ReadAsync(session, wanted, cancellation));
    }

    /// <summary>FixMyStreet's updates extension: what changed for the key's own reports between start_date and end_date (the last day when not given).</summary>
    [AllowAnonymous]
    [WolverineGet("/open311/v2/servicerequestupdates.{format}", Name = "Open311Updates")]
    [Tags("Open311")]
    public static async Task<IResult> Updates(string format, string? api_key, string? start_date, string? end_date, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (!GeoReport.IsFormat(format)) return GeoReport.Error("xml", 404, "Ask for servicerequestupdates.xml or servicerequestupdates.json.");
        if (await IntakeKeys.FindAsync(session, api_key, cancellation) is not { } key)
            return GeoReport.Error(format, 403, "The api_key is missing, wrong or revoked. Ask the partnership's Octans administrator for a key.");
        var to = Instant(end_date);
        var from = Instant(start_date);
        if (to is { Bad: true } || from is { Bad: true })
            return GeoReport.Error(format, 400, "start_date and end_date must be W3C dates and times, such as 2026-12-01T00:00:00Z.");
        var end = to.Value ?? clock.GetUtcNow();
        var start = from.Value ?? end.AddDays(-1);
        if (start > end) return GeoReport.Error(format, 400, "start_date must be before end_date.");

        var updates = await Open311Requests.UpdatesAsync(session, key.Source, start, end, cancellation);
        return GeoReport.List(format, "service_requests_updates", "request_update", updates.Select(u => (IReadOnlyList<Field>)
        [
            new("update_id", u.UpdateId), new("service_request_id", u.Request.Id.ToString()),
            new("status", u.IsClosed ? "closed" : "open"), new("updated_datetime", u.At), new("description", u.Description),
            new("media_url", ""),
        ]));
    }

    private static IResult Answer(string format, IEnumerable<RequestStatus> requests) =>
        GeoReport.List(format, "service_requests", "request", requests.Select(r => (IReadOnlyList<Field>)
        [
            new("service_request_id", r.Id.ToString()), new("status", r.IsClosed ? "closed" : "open"), new("status_notes", r.Notes),
            new("service_name", r.Category), new("service_code", Open311Services.Code(r.Category)), new("requested_datetime", r.RequestedAt),
            new("updated_datetime", r.UpdatedAt), new("lat", r.Latitude), new("long", r.Longitude),
        ]));

    private static (DateTimeOffset? Value, bool Bad) Instant(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, false)
        : DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? (instant, false)
        : (null, true);
}
