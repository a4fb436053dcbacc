using JasperFx;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;

namespace Octans.Api.Setup;

/// <summary>
/// Turns the faults that escape an endpoint into RFC 9457 answers a coordinator can act on: a stale version is a
/// 409 with the current version, a team or category name taken meanwhile a 400 on the name, a database that is down
/// a 503, anything else a 500 without internals, its exception logged.
/// </summary>
public sealed class ErrorAnswers(ILogger<ErrorAnswers> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellation)
    {
        // By now the middleware has pointed the request at the error page and cleared its route values, so the
        // original path and route values come from the feature. Pages show the error page; API callers get a problem body.
        var original = context.Features.Get<IExceptionHandlerPathFeature>();
        if (!new PathString(original?.Path).StartsWithSegments("/api")) return false;

        var problem = exception switch
        {
            ConcurrencyException => await Conflict(context, original?.RouteValues, cancellation),
            BadHttpRequestException bad => Answers.Unreadable(bad.StatusCode),
            _ when ReferenceDataStorage.NameTaken(exception) is { } taken => Answers.Invalid(taken.Field, taken.Message),
            _ when DatabaseStartup.IsDatabaseUnavailable(exception) => Unavailable(exception),
            _ => Unexpected(exception),
        };

        context.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == 503) context.Response.Headers.RetryAfter = "10";
        // Written whatever the Accept header asks for: an API caller gets a problem body, never the error page.
        await problem.WriteAsync(context);
        return true;
    }

    private static readonly Func<StatusCodeContext, Task> PagesStatus = new StatusCodePagesOptions().HandleAsync;

    /// <summary>
    /// A status the framework set without a body, such as a route that does not exist, a GUID in the address that is
    /// not one or a body that is not JSON: on the API a problem body with a sentence, on the other machine-read routes
    /// the framework's own, and on the pages nothing, for <see cref="PageStatus"/> to show its page.
    /// </summary>
    public static Task AnswerBareStatusAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.Request.Path.StartsWithSegments("/api")) return Answers.ForStatus(context.Response.StatusCode).WriteAsync(context);
        return PageStatus.IsPage(context.Request.Path) ? Task.CompletedTask : PagesStatus(status);
    }

    // Two writes raced: both read the same version, and Marten refused the second at save.
    private static async Task<ProblemDetails> Conflict(HttpContext context, RouteValueDictionary? routeValues, CancellationToken cancellation)
    {
        long? current = null;
        if (routeValues is not null && routeValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var id))
        {
            try
            {
                await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
                current = (await session.Events.FetchStreamStateAsync(id, cancellation))?.Version;
            }
            catch (Exception exception) when (DatabaseStartup.IsDatabaseUnavailable(exception))
            {
                // The conflict still stands; the client can reload to learn the version.
            }
        }
        return Answers.Conflict(current);
    }

    private ProblemDetails Unavailable(Exception exception)
    {
        logger.LogWarning("The database is unavailable: {Reason}", exception.Message);
        return Answers.Unavailable();
    }

    private ProblemDetails Unexpected(Exception exception)
    {
        logger.LogError(exception, "Unhandled error");
        return Answers.Unexpected();
    }
}
