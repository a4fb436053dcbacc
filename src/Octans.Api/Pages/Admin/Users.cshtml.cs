using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Users;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(IDocumentSession session, UserAccess access) : PageModel
{
    public IReadOnlyList<User> Users { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Teams { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Users = await session.Query<User>().OrderBy(u => u.Name).ToListAsync(cancellation);
        Teams = await ReferenceDataLookups.TeamNamesAsync(session, cancellation);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, user => user.Disabled = true, "was disabled and signed out everywhere", cancellation);

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, user => { user.Disabled = false; user.LockedUntil = null; user.FailedSignIns = 0; }, "can sign in again", cancellation);

    private async Task<IActionResult> Change(Guid id, Action<User> change, string what, CancellationToken cancellation)
    {
        if (id == User.UserId()) return BadRequest();
        var result = await UserChanges.ChangeAsync(id, session, access, change, cancellation);
        if (result is IStatusCodeHttpResult { StatusCode: 404 }) return NotFound();
        var user = await session.LoadAsync<User>(id, cancellation);
        TempData["Done"] = $"{user!.Name} {what}.";
        return RedirectToPage();
    }
}
