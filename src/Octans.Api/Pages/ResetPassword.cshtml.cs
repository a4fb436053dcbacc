using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages;

[AllowAnonymous]
public sealed class ResetPasswordModel(PasswordChanges changes) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public string? Refusal { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        Refusal = (await changes.CheckAsync(Token, cancellation))?.Detail;
        return Refusal is null ? Page() : new PageResult { StatusCode = 400 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (Passwords.Check(NewPassword) is { } weak)
        {
            ModelState.AddModelError("newPassword", weak);
            return Page();
        }
        Refusal = (await changes.ResetAsync(Token ?? "", NewPassword!, cancellation))?.Detail;
        Done = Refusal is null;
        return Done ? Page() : new PageResult { StatusCode = 400 };
    }
}
