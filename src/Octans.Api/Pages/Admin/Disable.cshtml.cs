using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Users;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

/// <summary>Disabling someone ends every sign-in of theirs at once, so the administrator confirms it on a page of its own.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DisableModel(IQuerySession session, UserWrites writes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public User Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        return Person.Disabled ? Redirect("/admin/users") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        if (Id == User.UserId())
        {
            ModelState.AddModelError("", "You cannot disable yourself. Ask another administrator to do it.");
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var (user, refusal) = await UserChanges.ChangeAsync(Id, writes, user => user.Disabled = true, User.Actor(), clock.GetUtcNow(), cancellation);
        if (user is null) return NotFound();
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal.Detail!);
            return new PageResult { StatusCode = refusal.Status ?? 400 };
        }
        TempData["Done"] = $"{user.Name} was disabled and signed out everywhere.";
        return Redirect("/admin/users");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await session.LoadAsync<User>(Id, cancellation) is not { } person) return false;
        Person = person;
        ViewData["Title"] = $"Disable {person.Name}";
        return true;
    }
}
