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
/// Headers every answer carries. The pages allow scripts and styles from Octans itself only, and images from the map
/// tile server; the API docs and the job dashboard bring their own scripts and are left to them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, MapTiles tiles)
{
    private readonly string _pagePolicy =
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: {tiles.Origin}; " +
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
            headers.ContentSecurityPolicy = _pagePolicy;
        }
        return next(context);
    }
}
