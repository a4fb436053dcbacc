using Microsoft.AspNetCore.Mvc;

namespace Octans.Api.Setup;

/// <summary>
/// Octans' one vocabulary of error answers: RFC 9457 bodies with a status, a title from this short list and a detail a
/// coordinator understands. Field errors name their body or query field as "errors": { "field": [messages] }.
/// </summary>
public static class Answers
{
    /// <summary>400: one or more answers are wrong; <paramref name="detail"/> defaults to every message in one sentence.</summary>
    public static ProblemDetails Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = 400, Title = "Some answers need changing", Detail = detail ?? string.Join(" ", errors.Values.SelectMany(m => m)),
        };

    public static ProblemDetails Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400: the answers are fine, but a rule says no.</summary>
    public static ProblemDetails Refused(string detail) => new() { Status = 400, Title = "That cannot be done", Detail = detail };

    public static ProblemDetails Unreadable(int status) => new()
    {
        Status = status, Title = "The request could not be read",
        Detail = "The request body is not valid JSON of the expected shape. Check the field names and types against the API description at /api/docs.",
    };

    public static ProblemDetails Forbidden(string detail) => new() { Status = 403, Title = "Not allowed", Detail = detail };

    public static ProblemDetails NotFound(string detail) => new() { Status = 404, Title = "Not found", Detail = detail };

    /// <summary>409: the problem moved on since the client read it; <paramref name="currentVersion"/> is what to reload to.</summary>
    public static ProblemDetails Conflict(long? currentVersion)
    {
        var conflict = new ProblemDetails
        {
            Status = 409, Title = "Someone else changed this problem",
            Detail = "Someone else changed this problem since you loaded it. Reload it to see their change, then try again.",
        };
        if (currentVersion is { } current) conflict.Extensions["currentVersion"] = current;
        return conflict;
    }

    /// <summary>422: an Idempotency-Key already used in the last day for a different request.</summary>
    public static ProblemDetails KeyReused() => new()
    {
        Status = 422, Title = "That Idempotency-Key was used for another request",
        Detail = "This Idempotency-Key was used in the last 24 hours for a different change, so nothing was changed. Send a new key for each new change.",
    };

    public static ProblemDetails Unavailable() => new()
    {
        Status = 503, Title = "Octans cannot reach its database",
        Detail = "Octans is starting or cannot reach its database just now, so nothing was changed. Try again in a minute; if it keeps happening, tell your administrator.",
    };

    public static ProblemDetails Unexpected() => new()
    {
        Status = 500, Title = "Something went wrong in Octans",
        Detail = "Something went wrong in Octans and nothing was changed. Try again; if it keeps happening, tell your administrator.",
    };

    public static IResult Result(this ProblemDetails problem) => Results.Problem(problem);
}
