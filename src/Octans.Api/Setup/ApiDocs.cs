using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Scalar.AspNetCore;

namespace Octans.Api.Setup;

/// <summary>
/// The API's description (<c>/openapi/v1.json</c>) and its page (<c>/api/docs</c>). In Development anyone may read them;
/// elsewhere only someone signed in, with a page's cookie or an API token, unless <c>Octans:ApiDocs:Public</c> is true,
/// for a partnership that publishes its API to the systems that send it reports.
/// </summary>
public static class ApiDocs
{
    public const string PublicSetting = "Octans:ApiDocs:Public";

    public static void MapOctansApiDocs(this WebApplication app)
    {
        var openApi = app.MapOpenApi();
        var page = app.MapScalarApiReference("/api/docs", scalar => scalar.WithTitle("Octans API").WithOpenApiRoutePattern("/openapi/v1.json").WithNonce().DisableDefaultFonts());
        if (app.Configuration.GetValue(PublicSetting, app.Environment.IsDevelopment()))
        {
            openApi.AllowAnonymous();
            page.AllowAnonymous();
            return;
        }
        // The page lives under /api, where tokens are read, yet people open it in a browser signed in with a cookie.
        var signedIn = new AuthorizationPolicyBuilder(CookieAuthenticationDefaults.AuthenticationScheme, JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser().Build();
        openApi.RequireAuthorization(signedIn);
        page.RequireAuthorization(signedIn);
    }
}
