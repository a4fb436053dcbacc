using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn.Organisations;

namespace Octans.Api.Pages;

/// <summary>
/// Signing in with an organisation's account: the button sends the browser to the provider, and the journey ends here
/// when the provider could not sign the person in (down, an error, a token that does not hold) or when Octans has no
/// enabled user with their email address. Neither signs anyone in.
/// </summary>
[AllowAnonymous]
public sealed class SignInWithModel(SignInProviders providers, ILogger<SignInWithModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public SignInProvider Provider { get; private set; } = null!;

    /// <summary>"failed" or "refused".</summary>
    public string Outcome { get; private set; } = "";

    public string AdministratorContact => providers.AdministratorContact is { Length: > 0 } contact
        ? contact
        : "Ask your partnership's Octans administrator (usually the partnership coordinator) to add you with the email address your organisation gave you, and to give you a role and team.";

    public IActionResult OnGet(string provider, string? outcome)
    {
        if (providers.Named(provider) is not { } known || outcome is not ("failed" or "refused")) return NotFound();
        (Provider, Outcome) = (known, outcome);
        return new PageResult { StatusCode = outcome == "refused" ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK };
    }

    public async Task<IActionResult> OnPostAsync(string provider, string? outcome, CancellationToken cancellation)
    {
        if (providers.Named(provider) is not { } known || outcome is not null) return NotFound();
        var properties = new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" };
        try
        {
            // The handler asks the provider for its configuration first, so a provider that is down fails here.
            await HttpContext.ChallengeAsync(known.Scheme, properties);
            return new EmptyResult();
        }
        catch (Exception exception) when (!cancellation.IsCancellationRequested)
        {
            logger.LogWarning("Provider {Provider} could not be reached to sign in ({Failure})", known.Name, exception.GetType().Name);
            return LocalRedirect(OrganisationSignIn.FailedPath(known));
        }
    }
}
