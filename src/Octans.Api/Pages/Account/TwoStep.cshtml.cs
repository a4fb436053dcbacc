using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.Pages.Account;

/// <summary>
/// Setting up two-step sign-in: by a signed-in user who chooses to, or by one who needs it, straight after their password
/// (<see cref="BetweenSteps"/>), who can do nothing else until it is done.
/// </summary>
[AllowAnonymous]
public sealed class TwoStepModel(TwoStepSignIn twoStep, IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? SealedSecret { get; set; }

    public bool Required { get; private set; }
    public bool AlreadyOn { get; private set; }
    public string QrCodeSvg { get; private set; } = "";
    public string Key { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await WhoAsync(cancellation) is not { } user) return NotSignedIn();
        Show(user, AuthenticatorCodes.NewSecret());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await WhoAsync(cancellation) is not { } user) return NotSignedIn();
        if (twoStep.OpenWhileSettingUp(user.Id, SealedSecret) is not { } secret)
        {
            ModelState.AddModelError("code", TwoStepSignIn.SettingUpExpired);
            Show(user, AuthenticatorCodes.NewSecret());
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Code) || Code.Length > 64)
        {
            ModelState.AddModelError("code", "Enter the six-digit code your authenticator app shows for Octans");
            Show(user, secret);
            return Page();
        }
        var (changed, codes) = await twoStep.SetUpAsync(user.Id, secret, Code, cancellation);
        if (changed is null)
        {
            ModelState.AddModelError("code", "That code is not right. Check the key in the app matches the one below and that your phone's clock is right, then enter the code it shows now");
            Show(user, secret);
            return Page();
        }
        // Setting up renewed the user's stamp, which ended every sign-in of theirs; this browser carries on with a new one.
        await BetweenSteps.SignInAsync(HttpContext, changed);
        RecoveryCodes = codes;
        ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return Page();
    }

    private async Task<User?> WhoAsync(CancellationToken cancellation)
    {
        if (User.Identity?.IsAuthenticated == true) return await session.LoadAsync<User>(User.UserId(), cancellation);
        if (await BetweenSteps.ReadAsync(HttpContext) is not { Next: SecondStep.SetUp } given) return null;
        var user = await session.LoadAsync<User>(given.UserId, cancellation);
        if (user is null || user.Disabled || user.SecurityStamp != given.Stamp) return null;
        Required = true;
        return user;
    }

    private IActionResult NotSignedIn() => Redirect("/sign-in?returnUrl=%2Faccount%2Ftwo-step");

    private void Show(User user, byte[] secret)
    {
        AlreadyOn = user.HasTwoStep;
        SealedSecret = twoStep.SealWhileSettingUp(user.Id, secret);
        Key = AuthenticatorCodes.Written(secret);
        QrCodeSvg = QrCode.Svg(AuthenticatorCodes.SetUpLink(user.Email, secret),
            "QR code to add Octans to your authenticator app; the same key is written below");
    }
}
