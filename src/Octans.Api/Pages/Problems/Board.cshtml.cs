using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Inbox;
using Octans.Api.SigningIn;
using Octans.Api.Places;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>
/// The problem board, for seeing what needs chasing: open problems unless the status filter asks for closed ones, counts
/// per phase that follow the other filters, the filters chosen as tags that each remove one, and the list in the order
/// chosen, a page at a time.
/// </summary>
public sealed partial class BoardModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? TeamId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    /// <summary>Closed, or Any for open and closed problems alike; none keeps the open ones.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    /// <summary>updated (none), risk, confidence or nextReview (<see cref="ProblemOrder"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>"map" shows the problems as pins on a map; the list is the default, and the accessible alternative.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    public bool OnMap => string.Equals(View, "map", StringComparison.OrdinalIgnoreCase);
    public IReadOnlyList<ProblemPin> Pins { get; private set; } = [];
    // Razor Pages keeps "page" for the page's own route value, so the page number is read from the query string.
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public ProblemListPage? Results { get; private set; }
    public ProblemsByPhase Counts { get; private set; } = new(0, 0, 0, 0);
    public DateOnly Today { get; private set; }

    /// <summary>How many reports wait in the inbox of the area shown (every area's), for a coordinator; null for anyone else.</summary>
    public int? WaitingReports { get; private set; }
    public IReadOnlyList<(string, string)> Categories { get; private set; } = [];
    public IReadOnlyList<(string, string)> Teams { get; private set; } = [];
    public IReadOnlyList<(string, string)> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Problems";
        Today = London.Today(clock.GetUtcNow());
        // Closed was once a phase on the board: such an address now asks for the closed problems by their status.
        if ("Closed".Equals(Phase?.Trim(), StringComparison.OrdinalIgnoreCase)) (Phase, Status) = (null, "Closed");
        if ("Open".Equals(Status?.Trim(), StringComparison.OrdinalIgnoreCase)) Status = null;
        Categories = [("", "Any category"), .. (await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => (c.Id, c.Id))];
        Teams = [("", "Any team"), .. (await session.Query<Team>().OrderBy(t => t.Name).ToListAsync(cancellation)).Select(t => (t.Id.ToString(), t.Name))];
        var areas = await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation);
        Areas = [("", "All areas"), .. areas.Select(a => (a.Name, a.Name))];

        var asked = new ProblemFilter.Asked(Blank(Phase), Blank(Category), Blank(TeamId), Blank(Rag), Overdue == "true" ? "true" : null, Blank(Q),
            Blank(Area), Status: AskedStatus, Page: Blank(PageNumber), Sort: Blank(Sort));
        var (filter, errors) = await ProblemFilter.CheckAsync(asked, WhoMay.ReaderOf(User), session, Today, cancellation);
        if (filter is null)
        {
            foreach (var (field, messages) in errors) ModelState.AddModelError(field, messages[0]);
            return;
        }
        Counts = await ProblemRows.CountByPhaseAsync(session, filter, cancellation);
        if (User.Is(Role.Coordinator)) WaitingReports = await InboxReports.WaitingAsync(session, filter.Area, cancellation);
        if (OnMap) Pins = await ProblemPlaces.PinsAsync(session, filter, cancellation);
        else Results = await ProblemRows.PageAsync(session, filter, cancellation);
    }

    public bool MayExport => User.Is(Role.Coordinator) || User.Is(Role.Councillor) || User.Is(Role.Admin);

    /// <summary>The CSV of every problem the board's filters match, in the board's order.</summary>
    public string Download => "/problems.csv" + With(("view", null), ("status", AskedStatus))["/problems".Length..];

    /// <summary>The status as the list's filter takes it: the board shows open problems unless asked for others.</summary>
    private string AskedStatus => Blank(Status) ?? nameof(ProblemStatus.Open);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
