using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Inbox;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Inbox;

/// <summary>The reports waiting in an area's inbox, each with the open problems near it.</summary>
public sealed class InboxModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public InboxPage Waiting { get; private set; } = new([], 0);
    public int Current { get; private set; } = 1;
    public IReadOnlyList<(string Value, string Text)> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator)) return Forbid();
        var areas = await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation);
        Areas = [("", "All areas"), .. areas.Select(a => (a.Name, a.Name))];
        var area = await ReferenceDataLookups.FindAreaAsync(session, Area, cancellation);
        Current = int.TryParse(PageNumber, out var page) && page is >= 1 and <= 100_000 ? page : 1;
        Waiting = await InboxReports.PageAsync(session, area?.Name, InboxState.New, Current, InboxReports.PageSize, cancellation);
        return Page();
    }
}
