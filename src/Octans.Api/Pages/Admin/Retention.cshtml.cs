using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Retention;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Admin;

/// <summary>The retention policy in words and the latest runs of the job that applies it.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class RetentionModel(RetentionPolicy policy, IQuerySession session) : PageModel
{
    public RetentionOverview Overview { get; private set; } = new([], RetentionPolicy.Removed, []);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Retention";
        Overview = await RetentionOverview.ReadAsync(policy, session, cancellation);
    }
}
