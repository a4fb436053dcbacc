using Octans.Api.SigningIn.Organisations;
using Scalar.AspNetCore;

namespace Octans.Api.Setup;

/// <summary>Where the problem page's map tiles come from: Octans:MapTiles, OpenStreetMap's own server by default.</summary>
public sealed class MapTiles(IConfiguration configuration)
{
    public string Template { get; } = configuration["Octans:MapTiles"] is { Length: > 0 } tiles ? tiles : "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Origin => Uri.TryCreate(Template.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0"), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : "'self'";
}

/// <summary>
/// Headers every answer carries. Every page may be framed by nobody and runs scripts from Octans itself only: the pages
/// and the job dashboard load nothing else, and the API docs' own inline start-up script carries a fresh nonce. The
/// dashboard and the docs set styles from script, so they may use inline styles; the pages may not. Answers that hold
/// the partnership's records (the API, Open311, PDFs) are never kept by a browser or a proxy. Forms post to Octans only,
/// which may send them on to the organisations' sign-in providers (signing in and out there).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, MapTiles tiles, SignInProviders providers)
{
    private const string Common = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly string _pagePolicy =
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: {tiles.Origin}; connect-src 'self'; font-src 'self'; " +
        Common.Replace("form-action 'self'", $"form-action 'self'{providers.FormTargets}", StringComparison.Ordinal);

    private const string DashboardPolicy =
        $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; {Common}";

    private static string DocsPolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        $"connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; {Common}";

    public Task InvokeAsync(HttpContext context)
    {
        // Written as the answer starts, so they also reach answers written after a fault cleared the headers, and the
        // docs page's nonce, made while the page writes itself, is known.
        var path = context.Request.Path;
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            var headers = response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy =
                path.StartsWithSegments("/api/docs") ? DocsPolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string ?? "none")
                : path.StartsWithSegments("/hangfire") ? DashboardPolicy
                : _pagePolicy;
            if (path.StartsWithSegments("/api") || path.StartsWithSegments("/open311")
                || response.ContentType?.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase) == true)
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
