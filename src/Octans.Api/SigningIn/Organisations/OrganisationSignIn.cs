using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn.Organisations;

/// <summary>
/// Signing in with an organisation's account: one OpenID Connect handler per configured provider, using the
/// authorisation code flow with PKCE. The provider only says who someone is; <see cref="OrganisationAccounts"/> matches
/// the email address in its id token to an Octans user, who is signed in with the same cookie and claims as a password
/// gives. Issuer, audience, signature, lifetime and nonce of the id token are checked as the handler does by default.
/// </summary>
public static class OrganisationSignIn
{
    /// <summary>The cookie sign-in's item naming the provider it came from, so signing out can end the session there too.</summary>
    public const string ProviderItem = "octans.provider";

    private static readonly TimeSpan ProviderTimeout = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddOrganisationSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var providers = new SignInProviders(SignInProvider.From(configuration), configuration["Octans:SignIn:AdministratorContact"]);
        services.AddSingleton(providers);
        services.AddSingleton<OrganisationAccounts>();

        var authentication = services.AddAuthentication();
        foreach (var provider in providers.All)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, options => Configure(options, provider));
            services.AddOptions<OpenIdConnectOptions>(provider.Scheme).Configure<IHostEnvironment>((options, environment) =>
            {
                options.CorrelationCookie.SecurePolicy = OctansTransport.CookieSecurity(environment);
                options.NonceCookie.SecurePolicy = OctansTransport.CookieSecurity(environment);
            });
        }
        return services;
    }

    private static void Configure(OpenIdConnectOptions options, SignInProvider provider)
    {
        options.Authority = provider.Authority.ToString();
        options.RequireHttpsMetadata = provider.Authority.Scheme == Uri.UriSchemeHttps;
        options.ClientId = provider.ClientId;
        options.ClientSecret = provider.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        // The code comes back in the query of a top-level GET, so the correlation cookies can stay SameSite=Lax.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.Scope.Clear();
        foreach (var scope in provider.Scopes) options.Scope.Add(scope);
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.CallbackPath = provider.CallbackPath;
        options.SignedOutCallbackPath = provider.SignedOutCallbackPath;
        // No sign-out from the provider's side: it would clear the cookie without ending the session on the server.
        options.RemoteSignOutPath = PathString.Empty;
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.SignOutScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.BackchannelTimeout = ProviderTimeout;
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context => context.HttpContext.RequestServices.GetRequiredService<OrganisationAccounts>().SignInAsync(context, provider),
            OnRemoteFailure = context =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<OrganisationAccounts>>();
                logger.LogWarning("Signing in with provider {Provider} failed ({Failure})", provider.Name, context.Failure?.GetType().Name);
                context.HandleResponse();
                context.Response.Redirect(FailedPath(provider));
                return Task.CompletedTask;
            },
            OnRedirectToIdentityProviderForSignOut = context =>
            {
                context.ProtocolMessage.IdTokenHint ??= context.Properties.GetTokenValue(OpenIdConnectParameterNames.IdToken);
                return Task.CompletedTask;
            },
        };
    }

    public static string FailedPath(SignInProvider provider) => $"/sign-in/with/{provider.Name}/failed";

    public static string RefusedPath(SignInProvider provider) => $"/sign-in/with/{provider.Name}/refused";

    /// <summary>Whether the provider can end its own session too: it names an end_session_endpoint and answers now.</summary>
    public static async Task<bool> OffersSignOutAsync(HttpContext context, SignInProvider provider)
    {
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIdConnectOptions>>().Get(provider.Scheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(context.RequestAborted);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            context.RequestServices.GetRequiredService<ILogger<OrganisationAccounts>>()
                .LogWarning("Provider {Provider} could not be asked to sign out ({Failure})", provider.Name, exception.GetType().Name);
            return false;
        }
    }
}

/// <summary>The configured providers, and how people reach the partnership's administrator when they are refused.</summary>
public sealed record SignInProviders(IReadOnlyList<SignInProvider> All, string? AdministratorContact)
{
    /// <summary>
    /// The providers' origins, each after a space, for the pages' form-action: the sign-in and sign-out forms redirect
    /// there, and a browser holds a form's redirects to the policy too.
    /// </summary>
    public string FormTargets => string.Concat(All.Select(p => " " + p.Authority.GetLeftPart(UriPartial.Authority)).Distinct());

    public SignInProvider? Named(string? name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
