using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Users;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class NewUserModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? TeamId { get; set; }
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<(string, string)> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => Teams = await RoleChoices.TeamsAsync(session, cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        Teams = await RoleChoices.TeamsAsync(session, cancellation);
        var request = new CreateUser(Email, Name, Role, TeamId, Password);
        var errors = (await UserRules.CheckNewAsync(request, session, cancellation)).InLabelWords(new Dictionary<string, string>
        {
            ["name"] = "Enter the name", ["email"] = "Enter the work email address", ["role"] = "Select the role",
            ["password"] = $"Enter a first password of at least {Passwords.MinimumLength} characters",
        }, field => string.IsNullOrWhiteSpace(Request.Form[field]));
        foreach (var (field, messages) in errors)
            ModelState.AddModelError(field, messages[0]);
        if (!ModelState.IsValid) return Page();
        var user = UserRules.New(request);
        if (await UserRules.AddAsync(store, user, User.Actor(), clock.GetUtcNow(), cancellation) is { } taken)
        {
            ModelState.Add(taken, null);
            return Page();
        }
        TempData["Done"] = $"{user.Name} can now sign in as {user.Email}.";
        return Redirect("/admin/users");
    }
}

public static class RoleChoices
{
    public static IReadOnlyList<(string, string)> Roles { get; } =
        [("Coordinator", "Coordinator – runs the problem list and the action log"), ("TeamMember", "Team member – closes their team’s tasks"),
         ("Councillor", "Councillor – reads the dashboard and monthly packs"), ("Admin", "Administrator – manages users, teams and categories")];

    public static async Task<IReadOnlyList<(string, string)>> TeamsAsync(IQuerySession session, CancellationToken cancellation) =>
        [("", "No team (only team members have one)"), .. (await session.Query<Team>().OrderBy(t => t.Name).ToListAsync(cancellation)).Select(t => (t.Id.ToString(), $"{t.Name} ({t.Partner})"))];
}
