using Microsoft.AspNetCore.Mvc;

namespace Octans.Api.Setup;

/// <summary>Until the database has been reached and prepared, requests that need it get a 503 at once.</summary>
public sealed class WaitForDatabase(RequestDelegate next, DatabaseStartup startup)
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
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(StartingPage);
            return;
        }
        await Answers.Unavailable().WriteAsync(context);
    }

    private const string StartingPage = """
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8"><title>Octans is starting</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10">
        <link rel="stylesheet" href="/lib/octans.css"></head>
        <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
        <h1 class="govuk-heading-l">Octans is starting</h1>
        <p class="govuk-body">Octans cannot reach its database just now, so nothing has been changed. This page tries again every 10 seconds.</p>
        <p class="govuk-body">If it keeps happening, tell your administrator.</p>
        </main></div></body></html>
        """;

    private static bool NeedsDatabase(PathString path) =>
        !path.StartsWithSegments("/health") && !path.StartsWithSegments("/openapi") && !path.StartsWithSegments("/api/docs")
        && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/assets");
}
