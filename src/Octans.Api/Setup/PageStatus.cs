namespace Octans.Api.Setup;

/// <summary>
/// Statuses answered without a body, such as an address that does not exist or a problem the reader may not see. The
/// API and the machine-read routes answer them as before (<see cref="ErrorAnswers.AnswerBareStatusAsync"/>); the web
/// pages show /status/{code}, a page in their own style, with the status kept. Every 404 shows the same page, so a
/// problem someone may not see looks exactly like one that does not exist.
/// </summary>
public static class PageStatus
{
    private static readonly string[] NotPages = ["/api", "/open311", "/health", "/metrics", "/openapi", "/hangfire"];

    public static bool IsPage(PathString path) => !NotPages.Any(prefix => path.StartsWithSegments(prefix));

    // Re-executing for the pages must be registered on the app itself, not in a branch: only there does it route the
    // request again. The inner middleware answers the rest and leaves a page's status bare for the outer one.
    public static WebApplication UseOctansStatusAnswers(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseStatusCodePages(ErrorAnswers.AnswerBareStatusAsync);
        return app;
    }
}
