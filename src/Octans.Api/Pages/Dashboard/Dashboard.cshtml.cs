using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Hangfire;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Reports.Archive;
using Octans.Api.Reports.Requesting;
using Octans.Reports.MonthlyPacks;
using Octans.Api.Dashboard;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Dashboard;

/// <summary>Where things stand across the area, and the monthly packs councillors read.</summary>
public sealed class DashboardModel(IQuerySession session, IDocumentStore store, PackArchive archive, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? Area { get; set; }

    public DashboardView View { get; private set; } = null!;
    public ChasingView Chasing { get; private set; } = null!;
    public ProblemBreakdown Breakdown { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public IReadOnlyList<StoredPack> Packs { get; private set; } = [];
    public IReadOnlyList<StoredPack> PathwaysPacks { get; private set; } = [];
    public IReadOnlyList<(string, string)> Months { get; private set; } = [];
    public IReadOnlyList<(string, string)> Areas { get; private set; } = [];
    public bool MayGeneratePacks => User.Is(Role.Coordinator) || User.Is(Role.Admin);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Dashboard and packs";
        var areas = await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation);
        AreaName = areas.Count == 1 ? areas[0].Name : "All areas";
        Areas = [.. areas.Select(a => (a.Name, a.Name))];
        Area ??= areas.FirstOrDefault()?.Name;
        var today = Octans.Domain.London.Today(clock.GetUtcNow());
        var scope = new DashboardScope(null, WhoMay.ReaderOf(User));
        View = await scope.ReadAsync(session, store, today, cancellation);
        Chasing = await ChasingView.ReadAsync(scope, session, today, cancellation);
        Breakdown = await ProblemRows.BreakdownAsync(session, null, WhoMay.ReaderOf(User), today, cancellation);
        Packs = await archive.ListAsync(null, cancellation, PackKind.Monthly);
        PathwaysPacks = await archive.ListAsync(null, cancellation, PackKind.Pathways);
        var lastEnded = PackMonth.Of(clock.GetUtcNow()).AddMonths(-1);
        Months = [.. Enumerable.Range(0, 12).Select(back => lastEnded.AddMonths(-back)).Select(m => (m.ToString(), m.Name))];
        Month ??= lastEnded.ToString();
    }

    public async Task<IActionResult> OnPostGenerateAsync([FromServices] IBackgroundJobClient jobs, CancellationToken cancellation)
    {
        if (!MayGeneratePacks) return Forbid();
        var (area, errors) = await MonthlyPackRequests.CheckAsync(new MonthlyPackRequest(Area, Month), session, clock, cancellation);
        if (area is null || errors.Count > 0)
        {
            foreach (var (field, messages) in errors) ModelState.AddModelError(field, messages[0]);
            await OnGetAsync(cancellation);
            return Page();
        }
        var jobId = MonthlyPackRequests.Enqueue(jobs, area.Name, PackMonth.Parse(Month!));
        return Redirect($"/packs/jobs/{jobId}");
    }
}
