using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.Organisations;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.Pages;

[AllowAnonymous]
public sealed class SignInModel(Passwords passwords, SignInProviders providers) : PageModel
{
    public SignInProviders Providers => providers;

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

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        switch (outcome.Next)
        {
            case SecondStep.Code:
                await BetweenSteps.BeginAsync(HttpContext, user, SecondStep.Code);
                return LocalRedirect($"/sign-in/code?returnUrl={Uri.EscapeDataString(returnUrl)}");
            case SecondStep.SetUp:
                await BetweenSteps.BeginAsync(HttpContext, user, SecondStep.SetUp);
                return LocalRedirect($"/account/two-step?returnUrl={Uri.EscapeDataString(returnUrl)}");
            case SecondStep.ChangePassword:
                await BetweenSteps.BeginAsync(HttpContext, user, SecondStep.ChangePassword);
                return LocalRedirect($"/account/password?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await BetweenSteps.SignInAsync(HttpContext, user);
        return LocalRedirect(returnUrl);
    }
}
