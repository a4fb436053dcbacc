namespace Octans.Api.Setup;

/// <summary>
/// Headers every answer carries. The pages allow scripts and styles from Octans itself only, and map tiles from
/// OpenStreetMap; the API docs and the job dashboard bring their own scripts and are left to them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api/docs") && !path.StartsWithSegments("/hangfire"))
        {
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = PagePolicy;
        }
        return next(context);
    }
}
