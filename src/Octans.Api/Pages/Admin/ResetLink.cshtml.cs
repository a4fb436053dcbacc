using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Users;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class ResetLinkModel(IQuerySession session, PasswordChanges changes) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public User Person { get; private set; } = null!;
    public ResetLink? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        Link = await changes.IssueAsync(Id, User.Actor(), IssueResetLinkEndpoint.BaseUrl(Request), cancellation);
        return Link is null ? NotFound() : Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await session.LoadAsync<User>(Id, cancellation) is not { } person) return false;
        Person = person;
        ViewData["Title"] = $"Reset link for {person.Name}";
        return true;
    }
}
