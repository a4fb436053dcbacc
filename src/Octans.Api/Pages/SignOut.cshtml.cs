using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.Organisations;

namespace Octans.Api.Pages;

[AllowAnonymous]
public sealed class SignOutModel(IDocumentStore store, UserAccess access, TimeProvider clock, SignInProviders providers) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>
    /// Ends the sign-in on the server too, so a copy of the cookie no longer opens Octans; someone signed in by their
    /// organisation's provider is signed out there as well when it offers that, and comes back to this page.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var signedIn = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (User.Identity?.IsAuthenticated == true) await SignOutEndpoint.EndAsync(User, store, access, clock, cancellation);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

        if (signedIn.Properties?.Items.TryGetValue(OrganisationSignIn.ProviderItem, out var name) != true
            || providers.Named(name) is not { } provider
            || !await OrganisationSignIn.OffersSignOutAsync(HttpContext, provider))
            return Page();
        var properties = new AuthenticationProperties { RedirectUri = "/sign-out" };
        if (signedIn.Properties!.GetTokenValue(OpenIdConnectParameterNames.IdToken) is { } idToken)
            properties.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        return SignOut(properties, provider.Scheme);
    }
}
