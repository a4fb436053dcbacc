using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class TeamsModel(IDocumentSession session, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Partner { get; set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Teams = await session.Query<Team>().OrderBy(t => t.Partner).ThenBy(t => t.Name).ToListAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var request = new AddTeam(Name, Partner);
        foreach (var (field, messages) in await ReferenceDataRules.CheckTeamAsync(request, session, cancellation))
            ModelState.AddModelError(field, messages[0]);
        if (!ModelState.IsValid)
        {
            await OnGetAsync(cancellation);
            return Page();
        }
        ReferenceDataRules.AddTeam(session, request, User.Actor(), clock.GetUtcNow());
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception exception) when (ReferenceDataStorage.NameTaken(exception) is { } taken)
        {
            ModelState.AddModelError(taken.Field, taken.Message);
            await OnGetAsync(cancellation);
            return Page();
        }
        TempData["Done"] = $"{Name!.Trim()} can now be given actions.";
        return RedirectToPage();
    }
}
