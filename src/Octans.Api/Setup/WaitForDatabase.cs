using Microsoft.AspNetCore.Mvc;

namespace Octans.Api.Setup;

/// <summary>Until the database has been reached and prepared, requests that need it get a 503 at once.</summary>
public sealed class WaitForDatabase(RequestDelegate next, DatabaseStartup startup, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (startup.Ready.IsCompletedSuccessfully || !NeedsDatabase(context.Request.Path))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = 503;
        context.Response.Headers.RetryAfter = "10";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = 503, Title = "Octans cannot reach its database",
                Detail = "Octans is starting or cannot reach its database just now, so nothing was changed. Try again in a minute; if it keeps happening, tell your administrator.",
            },
        });
    }

    private static bool NeedsDatabase(PathString path) =>
        !path.StartsWithSegments("/health") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/api/docs")
        && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/assets");
}
