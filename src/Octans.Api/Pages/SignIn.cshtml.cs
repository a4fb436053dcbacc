using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;
using System.Security.Claims;

namespace Octans.Api.Pages;

[AllowAnonymous]
public sealed class SignInModel(Passwords passwords) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError("email", "Enter your email address");
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError("password", "Enter your password");
        if (!ModelState.IsValid) return Page();

        var outcome = await passwords.CheckAsync(Email!, Password!, SignInLimits.AddressOf(HttpContext), cancellation);
        if (outcome.WaitBefore is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            ModelState.AddModelError("email", SignInLimits.Refusal(wait));
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }
        if (outcome.User is not { } user)
        {
            ModelState.AddModelError("email", Passwords.Refusal);
            return Page();
        }

        var principal = new ClaimsPrincipal(OctansClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
