using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Octans.Browser.Tests;

/// <summary>What the provider does wrong on purpose in its next id tokens.</summary>
public enum Forgery { None, WrongIssuer, WrongAudience, UnverifiedEmail }

/// <summary>
/// An organisation's OpenID Connect provider for the tests: OpenIddict's server on Kestrel on a port of its own, in
/// degraded mode (no stores), with ephemeral keys and PKCE required. Its sign-in page asks only for an email address and
/// signs in whoever types one, so a test can be anyone; <see cref="Forgery"/> makes it issue id tokens Octans must refuse.
/// </summary>
public sealed class OrganisationProvider : IAsyncDisposable
{
    public const string ClientId = "octans";
    public const string ClientSecret = "octans-test-secret";

    private WebApplication _app = null!;
    private int _signOuts;

    public Uri Address { get; private set; } = null!;

    public Forgery Forgery { get; set; }

    /// <summary>How many times someone was sent here to sign out.</summary>
    public int SignOuts => Volatile.Read(ref _signOuts);

    public static async Task<OrganisationProvider> StartAsync()
    {
        var provider = new OrganisationProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.EnableDegradedMode();
            server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/end-session");
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
            server.RegisterScopes(Scopes.OpenId, Scopes.Email);
            server.UseAspNetCore().DisableTransportSecurityRequirement().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough();

            // Degraded mode leaves checking the client to the host.
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(Errors.InvalidClient, "This provider knows only Octans.");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret) context.Reject(Errors.InvalidClient, "Wrong client or secret.");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(_ => default));
            server.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(handler => handler
                .UseInlineHandler(context =>
                {
                    if (context.IdentityTokenPrincipal is { } principal) provider.Forge(principal);
                    return default;
                })
                .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
        });

        var app = builder.Build();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            if ((string?)request["login_email"] is not { Length: > 0 } email) return Results.Content(SignInForm(request), "text/html; charset=utf-8");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, email).SetClaim(Claims.Email, email);
            identity.SetDestinations(_ => [Destinations.IdentityToken]);
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/end-session", ["GET", "POST"], () =>
        {
            Interlocked.Increment(ref provider._signOuts);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        provider._app = app;
        provider.Address = new Uri(app.Urls.Single());
        // Answered once here, so the first test does not wait for the server to warm up within Octans' timeout.
        using var http = new HttpClient { BaseAddress = provider.Address };
        (await http.GetAsync(".well-known/openid-configuration")).EnsureSuccessStatusCode();
        (await http.GetAsync(".well-known/jwks")).EnsureSuccessStatusCode();
        return provider;
    }

    private void Forge(ClaimsPrincipal principal)
    {
        switch (Forgery)
        {
            case Forgery.WrongIssuer:
                principal.SetClaim(Claims.Private.Issuer, "https://provider.elsewhere.example/");
                break;
            case Forgery.WrongAudience:
                principal.SetAudiences("another-application");
                break;
            case Forgery.UnverifiedEmail:
                principal.SetClaim(Claims.EmailVerified, false);
                break;
        }
    }

    /// <summary>The provider's own sign-in page: the request's parameters carried along, and an email address to type.</summary>
    private static string SignInForm(OpenIddictRequest request)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><title>Test Council sign-in</title></head><body><main>")
            .Append("<h1>Test Council</h1><form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.GetParameters())
            html.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode((string?)value)}\">");
        return html.Append("<label for=\"login_email\">Work email</label><input id=\"login_email\" name=\"login_email\" type=\"email\">")
            .Append("<button type=\"submit\">Continue</button></form></main></body></html>").ToString();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
