using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.Pages;

/// <summary>Sign-in's second step: the code, after a right password (<see cref="BetweenSteps"/>).</summary>
[AllowAnonymous]
public sealed class SignInCodeModel(Passwords passwords) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await BetweenSteps.ReadAsync(HttpContext) is { Next: SecondStep.Code } ? Page() : (IActionResult)Redirect("/sign-in");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await BetweenSteps.ReadAsync(HttpContext) is not { Next: SecondStep.Code } given) return Redirect("/sign-in");
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 64)
        {
            ModelState.AddModelError("code", "Enter the six-digit code from your authenticator app, or a recovery code");
            return Page();
        }

        var outcome = await passwords.CheckCodeAsync(given, Code, SignInLimits.AddressOf(HttpContext), cancellation);
        if (outcome.WaitBefore is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            ModelState.AddModelError("code", SignInLimits.Refusal(wait));
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }
        if (outcome.User is not { } user)
        {
            ModelState.AddModelError("code", TwoStepSignIn.WrongCode);
            return Page();
        }
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        if (user.MustChangePassword)
        {
            await BetweenSteps.BeginAsync(HttpContext, user, SecondStep.ChangePassword);
            return LocalRedirect($"/account/password?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        await BetweenSteps.SignInAsync(HttpContext, user);
        return LocalRedirect(returnUrl);
    }
}
