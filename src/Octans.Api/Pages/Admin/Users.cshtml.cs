using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Users;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(IQuerySession session, UserWrites writes, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Teams { get; private set; } = new Dictionary<Guid, string>();
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, user => user.Disabled = false, "can sign in again", true, cancellation);

    /// <summary>Lifts the locks that wrong passwords put on the account, from every address, as enabling it does.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, _ => { }, "can sign in again: the locks from wrong passwords are lifted", true, cancellation);

    public async Task<IActionResult> OnPostRequireTwoStepAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, user => user.TwoStepRequired = true, "needs two-step sign-in from their next sign-in", false, cancellation);

    public async Task<IActionResult> OnPostWaiveTwoStepAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, user => user.TwoStepRequired = false, "no longer needs two-step sign-in, unless they are an administrator", false, cancellation);

    public async Task<IActionResult> OnPostResetTwoStepAsync(Guid id, CancellationToken cancellation) =>
        await Change(id, TwoStepSignIn.TurnOff, "has two-step sign-in turned off, and sets it up again at their next sign-in if they need it", false, cancellation);

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
