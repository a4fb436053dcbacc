using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Intake.Keys;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

/// <summary>The keys of the systems that send reports through Open311: made here and shown once, revoked here.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class KeysModel(IDocumentSession session, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Sender { get; set; }
    [BindProperty] public string? Area { get; set; }
    public IReadOnlyList<KeyView> Keys { get; private set; } = [];
    public IReadOnlyList<(string, string)> Areas { get; private set; } = [];
    public KeyCreated? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Open311 keys";
        Keys = await IntakeKeys.ListAsync(session, cancellation);
        var areas = await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation);
        Areas = [("", "Select an area"), .. areas.Select(a => (a.Name, a.Name))];
        Area ??= areas.Count == 1 ? areas[0].Name : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var (created, errors) = await IntakeKeys.CreateAsync(session, new CreateKeyRequest(Sender, Area), User, clock, cancellation);
        foreach (var (field, messages) in errors) ModelState.AddModelError(field, messages[0]);
        Created = created;
        if (created is not null) Sender = null;
        await OnGetAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellation)
    {
        if (await IntakeKeys.RevokeAsync(session, id, User, clock, cancellation) is not { } key) return NotFound();
        TempData["Done"] = $"The key for {key.Sender} is revoked: it sends no more reports.";
        return RedirectToPage();
    }
}
