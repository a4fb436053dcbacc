using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Dashboard;
using Octans.Api.Inbox;
using Octans.Api.SigningIn;
using Octans.Api.Places;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>The problem board: counts per phase, filters, and the list, a page at a time.</summary>
public sealed class BoardModel(IQuerySession session, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? TeamId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    /// <summary>"map" shows the problems as pins on a map; the list is the default, and the accessible alternative.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    public bool OnMap => string.Equals(View, "map", StringComparison.OrdinalIgnoreCase);
    public IReadOnlyList<ProblemPin> Pins { get; private set; } = [];
    // Razor Pages keeps "page" for the page's own route value, so the page number is read from the query string.
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public ProblemListPage? Results { get; private set; }
    public ProblemsByPhase Counts { get; private set; } = new(0, 0, 0, 0);

    /// <summary>How many reports wait in the inbox of the area shown (every area's), for a coordinator; null for anyone else.</summary>
    public int? WaitingReports { get; private set; }
    public IReadOnlyList<(string, string)> Categories { get; private set; } = [];
    public IReadOnlyList<(string, string)> Teams { get; private set; } = [];
    public IReadOnlyList<(string, string)> Areas { get; private set; } = [];
    public bool Filtered => new[] { Phase, Category, TeamId, Rag, Overdue, Q, Area }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Problems";
        Categories = [("", "Any category"), .. (await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => (c.Id, c.Id))];
        Teams = [("", "Any team"), .. (await session.Query<Team>().OrderBy(t => t.Name).ToListAsync(cancellation)).Select(t => (t.Id.ToString(), t.Name))];
        var areas = await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation);
        Areas = [("", "All areas"), .. areas.Select(a => (a.Name, a.Name))];

        var (scope, _) = await DashboardScope.CheckAsync(Blank(Area), WhoMay.ReaderOf(User), session, cancellation);
        if (scope is not null) Counts = await ProblemRows.CountByPhaseAsync(session, scope.Area, scope.Reader, cancellation);
        if (scope is not null && User.Is(Role.Coordinator)) WaitingReports = await InboxReports.WaitingAsync(session, scope.Area, cancellation);

        var asked = new ProblemFilter.Asked(Blank(Phase), Blank(Category), Blank(TeamId), Blank(Rag), Overdue == "true" ? "true" : null, Blank(Q),
            Blank(Area), Page: Blank(PageNumber));
        var (filter, errors) = await ProblemFilter.CheckAsync(asked, WhoMay.ReaderOf(User), session, London.Today(clock.GetUtcNow()), cancellation);
        if (filter is null)
        {
            foreach (var (field, messages) in errors) ModelState.AddModelError(field, messages[0]);
            return;
        }
        if (OnMap) Pins = await ProblemPlaces.PinsAsync(session, filter, cancellation);
        else Results = await ProblemRows.PageAsync(session, filter, cancellation);
    }

    public bool MayExport => User.Is(Role.Coordinator) || User.Is(Role.Councillor) || User.Is(Role.Admin);

    /// <summary>The CSV of every problem the board's filters match.</summary>
    public string Download => "/problems.csv" + With("view", null)["/problems".Length..];

    /// <summary>The board's address with one filter changed, keeping the others.</summary>
    public string With(string name, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            ["phase"] = Phase, ["category"] = Category, ["teamId"] = TeamId, ["rag"] = Rag, ["overdue"] = Overdue, ["q"] = Q, ["area"] = Area,
            ["view"] = OnMap ? "map" : null,
        };
        query[name] = value;
        if (name != "page") query.Remove("page");
        else query["page"] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/problems",
            query.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
