using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.Pages.Account;

/// <summary>
/// Changing a password: by a signed-in user who chooses to, or by one whose password an administrator gave, straight after
/// giving it (<see cref="BetweenSteps"/>), who can do nothing else until they have chosen their own.
/// </summary>
[AllowAnonymous]
public sealed class PasswordModel(PasswordChanges changes, TwoStepSignIn twoStep, IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    /// <summary>The password was given by an administrator and must be changed before signing in.</summary>
    public bool Required { get; private set; }

    /// <summary>The required change is made: the page says so and offers the way on.</summary>
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await WhoAsync(cancellation) is null ? NotSignedIn() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await WhoAsync(cancellation) is not { } person) return NotSignedIn();
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError("currentPassword", "Enter your current password.");
        if (Passwords.Check(NewPassword) is { } weak) ModelState.AddModelError("newPassword", weak);
        if (!ModelState.IsValid) return Page();

        var outcome = await changes.ChangeOwnAsync(person.Id, person.Email, CurrentPassword!, NewPassword!, SignInLimits.AddressOf(HttpContext), cancellation);
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

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        // Someone who must also set up two-step sign-in does that next, still before anything else.
        if (Required && twoStep.After(user) == SecondStep.SetUp)
        {
            await BetweenSteps.BeginAsync(HttpContext, user, SecondStep.SetUp);
            return LocalRedirect($"/account/two-step?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        // The change ended every sign-in of this user, this one too; this browser carries on with a new one.
        await BetweenSteps.SignInAsync(HttpContext, user);
        if (!Required)
        {
            TempData["Done"] = "Your password is changed. You are signed out everywhere else.";
            return RedirectToPage();
        }
        (Changed, ReturnUrl) = (true, returnUrl);
        return Page();
    }

    private async Task<User?> WhoAsync(CancellationToken cancellation)
    {
        if (User.Identity?.IsAuthenticated == true) return await session.LoadAsync<User>(User.UserId(), cancellation);
        if (await BetweenSteps.ReadAsync(HttpContext) is not { Next: SecondStep.ChangePassword } given) return null;
        var user = await session.LoadAsync<User>(given.UserId, cancellation);
        if (user is null || user.Disabled || user.SecurityStamp != given.Stamp) return null;
        Required = true;
        ViewData["Title"] = "Choose your own password";
        return user;
    }

    private IActionResult NotSignedIn() => Redirect("/sign-in?returnUrl=%2Faccount%2Fpassword");
}
