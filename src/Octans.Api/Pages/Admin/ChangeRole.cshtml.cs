using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Users;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class ChangeRoleModel(IQuerySession session, UserWrites writes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? TeamId { get; set; }

    public User Person { get; private set; } = null!;
    public IReadOnlyList<(string, string)> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        Role = Person.Role.ToString();
        TeamId = Person.TeamId?.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        var (role, team, errors) = await UserRules.CheckRoleAsync(Role, TeamId, session, cancellation);
        foreach (var (field, messages) in errors.InLabelWords(new Dictionary<string, string> { ["role"] = "Select the role" },
            field => string.IsNullOrWhiteSpace(Request.Form[field])))
            ModelState.AddModelError(field, messages[0]);
        if (!ModelState.IsValid) return Page();
        var (_, refusal) = await UserChanges.ChangeAsync(Id, writes, user => { user.Role = role!.Value; user.TeamId = team; }, User.Actor(),
            clock.GetUtcNow(), cancellation);
        if (refusal is not null)
        {
            ModelState.AddModelError("role", refusal.Detail!);
            return Page();
        }
        TempData["Done"] = $"{Person.Name} is now {Octans.Api.Admin.Changes.AdminChanges.RoleInSentence(role!.Value)}. They sign in again to pick up the change.";
        return Redirect("/admin/users");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await session.LoadAsync<User>(Id, cancellation) is not { } person) return false;
        Person = person;
        Teams = await RoleChoices.TeamsAsync(session, cancellation);
        ViewData["Title"] = $"Change the role of {person.Name}";
        return true;
    }
}
