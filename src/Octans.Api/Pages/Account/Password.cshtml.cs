using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Account;

public sealed class PasswordModel(PasswordChanges changes) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError("currentPassword", "Enter your current password.");
        if (Passwords.Check(NewPassword) is { } weak) ModelState.AddModelError("newPassword", weak);
        if (!ModelState.IsValid) return Page();

        var outcome = await changes.ChangeOwnAsync(User, CurrentPassword!, NewPassword!, SignInLimits.AddressOf(HttpContext), cancellation);
        if (outcome.WaitBefore is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            ModelState.AddModelError("currentPassword", SignInLimits.Refusal(wait));
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }
        if (outcome.User is not { } user)
        {
            ModelState.Add((outcome.Refusal as HttpValidationProblemDetails)?.Errors ?? new Dictionary<string, string[]>(), outcome.Refusal?.Detail);
            return Page();
        }

        // The change ended every sign-in of this user, this one too; this browser carries on with a new one.
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(OctansClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme)));
        TempData["Done"] = "Your password is changed. You are signed out everywhere else.";
        return RedirectToPage();
    }
}
