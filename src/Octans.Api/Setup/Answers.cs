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

    /// <summary>A body Octans cannot read: not JSON of the expected shape (400), or too large (413).</summary>
    public static ProblemDetails Unreadable(int status) => status == 413 ? TooLarge() : Unreadable();

    /// <summary>400: the body cannot be read; <paramref name="field"/>, when known, is where the reading stopped.</summary>
    public static ProblemDetails Unreadable(string? detail = null, string? field = null)
    {
        detail ??= "The request body is not valid JSON of the expected shape. Check the field names and types against the API description at /api/docs.";
        var problem = field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"'{field}' is not the kind of value the API description at /api/docs gives for it."] });
        problem.Status = 400;
        problem.Title = "The request could not be read";
        problem.Detail = detail;
        return problem;
    }

    public static ProblemDetails TooLarge(string? detail = null) => new()
    {
        Status = 413, Title = "The request is too large",
        Detail = detail ?? "The request body is larger than Octans accepts. Shorten the text you are sending; no field needs more than a few thousand characters.",
    };

    /// <summary>The answer for a status the framework gave without a body of its own, such as a route that does not exist.</summary>
    public static ProblemDetails ForStatus(int status) => new()
    {
        Status = status,
        Title = status switch
        {
            404 => "Not found",
            405 => "Not allowed on this address",
            406 => "Octans answers in JSON",
            415 => "The request body must be JSON",
            _ => "The request could not be answered",
        },
        Detail = status switch
        {
            403 => "Your role may not do this. If you need to, ask your administrator.",
            404 => "There is nothing at this address. Check the route, and any id in it, against the API description at /api/docs.",
            405 => "This address does not take that method. Check the API description at /api/docs.",
            406 => "Octans answers in JSON. Send 'Accept: application/json', or leave the Accept header out.",
            413 => TooLarge().Detail,
            415 => "Send the request body as JSON with the header 'Content-Type: application/json'.",
            _ => "Octans could not answer this request as it was sent. Check it against the API description at /api/docs.",
        },
    };

    public static ProblemDetails Forbidden(string detail) => new() { Status = 403, Title = "Not allowed", Detail = detail };

    public static ProblemDetails NotFound(string detail) => new() { Status = 404, Title = "Not found", Detail = detail };

    /// <summary>
    /// 409: the problem moved on since the client read it; <paramref name="currentVersion"/> is what to reload to. Every
    /// 409 is made here, so this is where they are counted.
    /// </summary>
    public static ProblemDetails Conflict(long? currentVersion)
    {
        Observing.OctansMeasures.Conflict();
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

    /// <summary>Writes the problem as application/problem+json whatever the request's Accept header asks for.</summary>
    public static Task WriteAsync(this ProblemDetails problem, HttpContext context) => problem.Result().ExecuteAsync(context);
}
