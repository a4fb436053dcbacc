using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Dashboard;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Dashboard;

/// <summary>Where things stand across the area, and the monthly packs councillors read.</summary>
public sealed class DashboardModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public bool MayGeneratePacks => User.Is(Role.Coordinator) || User.Is(Role.Admin);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Dashboard and packs";
        var areas = await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation);
        AreaName = areas.Count == 1 ? areas[0].Name : "All areas";
        View = await GetDashboardEndpoint.Get(new DashboardScope(null), session, clock, cancellation);
    }
}
