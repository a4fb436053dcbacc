using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Users;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(IQuerySession session, UserWrites writes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Teams { get; private set; } = new Dictionary<Guid, string>();
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, user => user.Disabled = true, "was disabled and signed out everywhere", false, cancellation);

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, user => user.Disabled = false, "can sign in again", true, cancellation);

    private async Task<IActionResult> Change(Guid id, Action<User> change, string what, bool liftLocks, CancellationToken cancellation)
    {
        var (user, refusal) = await UserChanges.ChangeAsync(id, writes, change, User.Actor(), clock.GetUtcNow(), cancellation, liftLocks);
        if (user is null) return NotFound();
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal.Detail!);
            await LoadAsync(cancellation);
            return new PageResult { StatusCode = refusal.Status ?? 400 };
        }
        TempData["Done"] = $"{user.Name} {what}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        Now = clock.GetUtcNow();
        Users = [.. (await ListUsersEndpoint.AllAsync(session, clock, cancellation)).OrderBy(u => u.Name)];
        Teams = await ReferenceDataLookups.TeamNamesAsync(session, cancellation);
    }
}
