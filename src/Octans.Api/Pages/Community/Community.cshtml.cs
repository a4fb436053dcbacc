using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Community;
using Octans.Api.Problems.PublicUpdates;
using Octans.Api.ReferenceData;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Pages.Community;

/// <summary>An area's "you said, we did" page for residents: no sign-in, nothing sensitive, places at street level.</summary>
[AllowAnonymous]
public sealed class CommunityModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public Area Area { get; private set; } = null!;
    public IReadOnlyList<PublishedUpdate> Updates { get; private set; } = [];
    public PackMonth ThisMonth { get; private set; }

    public async Task<IActionResult> OnGetAsync(string areaCode, CancellationToken cancellation)
    {
        if (await CommunityUpdates.AreaAsync(session, areaCode, cancellation) is not { } area) return NotFound();
        Area = area;
        Updates = await CommunityUpdates.LatestAsync(session, area, cancellation);
        ThisMonth = PackMonth.Of(clock.GetUtcNow());
        ViewData["Title"] = $"{area.Name}: you said, we did";
        return Page();
    }
}
