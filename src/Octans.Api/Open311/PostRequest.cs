using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Octans.Api.Inbox;
using Octans.Api.Intake.Keys;
using Octans.Api.Setup.Idempotency;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Open311;

/// <summary>
/// A report from another system, such as FixMyStreet, into the inbox of its key's area. The reporter's name, email and
/// phone, and every attribute but the sender's own id for the report, are dropped before anything is kept.
/// </summary>
public static class PostRequestEndpoint
{
    /// <summary>Each key may send this many reports a minute, on each node: far more than a town's residents report, far fewer than a runaway loop.</summary>
    public const int PerMinute = 300;

    private static readonly PartitionedRateLimiter<Guid> PerKey = PartitionedRateLimiter.Create<Guid, Guid>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1) }));

    [AllowAnonymous]
    [WolverinePost("/open311/v2/requests.{format}", Name = "Open311PostRequest")]
    [Tags("Open311")]
    public static async Task<IResult> Post(string format, HttpRequest request, IDocumentStore store, TimeProvider clock, CancellationToken cancellation)
    {
        if (!GeoReport.IsFormat(format)) return GeoReport.Error("xml", 404, "Post to requests.xml or requests.json.");
        if (!request.HasFormContentType)
            return GeoReport.Error(format, 400, "Send the report as a form: application/x-www-form-urlencoded or multipart/form-data.");
        var form = await request.ReadFormAsync(cancellation);
        string? Value(string name) => form.TryGetValue(name, out var values) && values.FirstOrDefault() is { } v && v.Trim().Length > 0 ? v.Trim() : null;

        await using var session = store.OpenWriteSession();
        if (await IntakeKeys.FindAsync(session, Value("api_key"), cancellation) is not { } key)
            return GeoReport.Error(format, 403, "The api_key is missing, wrong or revoked. Ask the partnership's Octans administrator for a key.");
        using var permit = PerKey.AttemptAcquire(key.Id);
        if (!permit.IsAcquired) return GeoReport.Error(format, 429, $"This key has sent more than {PerMinute} reports in a minute. Wait a minute and send again.");

        var errors = new List<string>();
        var category = await Open311Services.CategoryAsync(session, Value("service_code"), cancellation);
        if (category is null)
            errors.Add(Value("service_code") is null ? "service_code is required: choose one from services.xml."
                : "service_code is not one of the services in services.xml.");
        var (latitude, longitude) = (Number(Value("lat")), Number(Value("long")));
        if (latitude.Bad || longitude.Bad || latitude.Value is null != longitude.Value is null)
            errors.Add("lat and long must both be given, as decimal degrees such as 51.8862 and -0.4172.");
        var place = Value("address_string") ?? Value("attribute[closest_address]")
            ?? (latitude.Value is { } lat && longitude.Value is { } lon ? string.Create(CultureInfo.InvariantCulture, $"Pin at {lat:0.#####}, {lon:0.#####}") : null);
        if (place is null) errors.Add("Give lat and long, or address_string.");
        if (errors.Count > 0) return GeoReport.Error(format, 400, string.Join(" ", errors));

        var reference = SourceReference(form, Value("attribute[fixmystreet_id]"), clock.GetUtcNow());
        if (await InboxReports.FindAsync(session, key.Area, key.Source, reference, cancellation) is { } existing) return Taken(format, existing);

        var id = Guid.CreateVersion7();
        var decision = InboxDecisions.Receive(new TakeReport(id, key.Area, key.Source, reference, category, Value("description"),
            new Location(place!, latitude.Value, longitude.Value, null, null, null), null, Value("media_url")), null, clock.GetUtcNow());
        if (decision.IsRefused)
            return GeoReport.Error(format, 400, string.Join(" ", decision.Errors.Select(e => $"{Open311Name(e.Key)}: {string.Join(" ", e.Value)}")));
        session.Events.StartStream<InboxReport>(id, [.. decision.Events]);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception sentTwice) when (IsTakenAlready(sentTwice))
        {
            // The same report sent again before the first was kept: the first one's id answers both.
            await using var query = store.QuerySession();
            if (await InboxReports.FindAsync(query, key.Area, key.Source, reference, cancellation) is { } first) return Taken(format, first);
            throw;
        }
        return Taken(format, id);
    }

    private static IResult Taken(string format, Guid id) =>
        GeoReport.List(format, "service_requests", "request", [[new("service_request_id", id.ToString()), new("service_notice", ""), new("account_id", null)]]);

    /// <summary>
    /// What a report sent again is known by: the sender's own id for it when given, otherwise a hash of what it said,
    /// without the key and the reporter's details, within the day.
    /// </summary>
    private static string SourceReference(IFormCollection form, string? senderId, DateTimeOffset now)
    {
        if (senderId is { Length: <= 60 }) return $"id:{senderId}";
        string[] dropped = ["api_key", "email", "first_name", "last_name", "phone", "account_id"];
        var text = string.Join('\u001e', form.Where(f => !dropped.Contains(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}\u001f{string.Join('\u001f', f.Value.ToArray())}"));
        return $"body:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40]}:{London.Today(now):yyyy-MM-dd}";
    }

    private static (double? Value, bool Bad) Number(string? text) =>
        text is null ? (null, false)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? (value, false)
        : (null, true);

    private static string Open311Name(string field) => field switch
    {
        "location.latitude" => "lat",
        "location.longitude" => "long",
        "location.description" => "address_string",
        "mediaUrl" => "media_url",
        "category" => "service_code",
        _ => field,
    };

    private static bool IsTakenAlready(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
            if (cause is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        return false;
    }
}
