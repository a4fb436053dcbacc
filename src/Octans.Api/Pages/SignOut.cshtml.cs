using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages;

[AllowAnonymous]
public sealed class SignOutModel(IDocumentStore store, UserAccess access, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>Ends the sign-in on the server too, so a copy of the cookie no longer opens Octans.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (User.Identity?.IsAuthenticated == true) await SignOutEndpoint.EndAsync(User, store, access, clock, cancellation);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Page();
    }
}
