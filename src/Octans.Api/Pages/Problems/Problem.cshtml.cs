using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Notes;
using Octans.Api.Problems.Timeline;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

public sealed class ProblemModel(IQuerySession query, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? PublicUpdate { get; set; }
    [BindProperty] public bool Sensitive { get; set; }
    [BindProperty] public List<Guid> SensitiveTeams { get; set; } = [];

    /// <summary>Set to page back through notes or history older than this version of the problem.</summary>
    [BindProperty(SupportsGet = true)] public int? NotesBefore { get; set; }
    [BindProperty(SupportsGet = true)] public int? HistoryBefore { get; set; }

    public ProblemDetailsView View { get; private set; } = null!;
    public NotesPage Notes { get; private set; } = new([], 0, null);
    public IReadOnlyList<TimelineEntry> History { get; private set; } = [];
    public bool MayEdit => WhoMay.Allows(User, typeof(PlanAction));
    public bool MayAddNotes => WhoMay.Allows(User, typeof(AddNote));
    public bool MayPublish => WhoMay.Allows(User, typeof(WritePublicUpdate));
    public bool MayMarkSensitive => WhoMay.Allows(User, typeof(ChangeSensitivity));

    /// <summary>Every team, to name those who may see the problem while it is sensitive; empty for someone who may not name them.</summary>
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    /// <summary>The teams who may see the problem besides coordinators and administrators: named on it or on its category.</summary>
    public IReadOnlyList<string> SeenBy { get; private set; } = [];

    /// <summary>Sensitive because of its category, which the problem's own mark cannot undo.</summary>
    public bool SensitiveCategory { get; private set; }

    /// <summary>Marked sensitive itself: sensitive, and not only because of its category (or because of both).</summary>
    public bool MarkedSensitive { get; private set; }

    /// <summary>The code of the problem's area, for its community page.</summary>
    public string AreaCode { get; private set; } = "";

    public bool MayChange(ActionView action) => WhoMay.Allows(User, typeof(CompleteAction), action.TeamId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellation)
    {
        var outcome = await ProblemChanges.ApplyFromPageAsync(store, User, clock, Id, Version, new AddNote(Note ?? ""), null, cancellation);
        switch (outcome.Status)
        {
            case 200:
                TempData["Done"] = "Your note was added to the action log.";
                return Redirect($"/problems/{Id}#action-log");
            case 403:
                return Forbid();
            case 404:
                return NotFound();
            case 409:
                ModelState.AddModelError("note", "Someone else changed this problem while you were writing. The page now shows their change; your note is still in the box — add it again if it still fits.");
                break;
            default:
                ModelState.Add(outcome);
                break;
        }
        await LoadAsync(cancellation);
        return Page();
    }

    public async Task<IActionResult> OnPostSensitivityAsync(CancellationToken cancellation) =>
        await AnswerAsync(await ProblemChanges.ApplyFromPageAsync(store, User, clock, Id, Version, new ChangeSensitivity(Sensitive, Sensitive ? SensitiveTeams : []),
                null, cancellation),
            Sensitive
                ? "The problem is marked sensitive: nothing about it is published, and only coordinators, administrators and the teams named see it."
                : "The problem is no longer marked sensitive.",
            "sensitive", cancellation);

    public async Task<IActionResult> OnPostPublicUpdateAsync(CancellationToken cancellation) =>
        await AnswerAsync(await ProblemChanges.ApplyFromPageAsync(store, User, clock, Id, Version, new WritePublicUpdate(PublicUpdate ?? ""), null, cancellation),
            "Your update was published for residents.", "publicUpdate", cancellation);

    private async Task<IActionResult> AnswerAsync(ChangeOutcome outcome, string done, string field, CancellationToken cancellation)
    {
        switch (outcome.Status)
        {
            case 200:
                TempData["Done"] = done;
                return Redirect($"/problems/{Id}#for-residents");
            case 403:
                return Forbid();
            case 404:
                return NotFound();
            case 409:
                ModelState.AddModelError(field == "publicUpdate" ? field : "", "Someone else changed this problem meanwhile. The page now shows their change; try again if it still fits.");
                break;
            default:
                // The domain names the update's field "text"; on this page it is the public update's box.
                ModelState.Add(outcome.Errors.Where(e => e.Key is "text" or "teams" or "sensitive").ToDictionary(_ => field, e => e.Value),
                    outcome.Refusal?.Detail);
                break;
        }
        await LoadAsync(cancellation);
        return Page();
    }

    /// <summary>The details a coordinator can change, each with the change form that changes it (see <see cref="DetailForms"/>).</summary>
    public static IReadOnlyList<(string Change, string Question, string Answer)> Details(ProblemDetailsView problem) =>
    [
        ("title", "Title", problem.Title),
        ("statement", "Problem statement", problem.Statement),
        ("category", "Category", problem.Category),
        ("risk", "Risk", problem.Risk.ToString()),
        ("place", "Place", problem.Location is { Latitude: { } latitude, Longitude: { } longitude }
            ? $"{problem.Location.Description} (pin at {latitude.ToString("0.00000", CultureInfo.InvariantCulture)}, {longitude.ToString("0.00000", CultureInfo.InvariantCulture)})"
            : $"{problem.Location.Description} (no pin)"),
    ];

    /// <summary>"ActionPlanned" becomes "Action planned".</summary>
    public static string Headline(string type) =>
        string.Concat(type.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await ProblemRecord.ReadAsync(query, Id, WhoMay.ReaderOf(User), London.Today(clock.GetUtcNow()), cancellation, notes: 0) is not { } view) return false;
        View = view;
        Notes = await ProblemNotes.PageAsync(query, Id, NotesBefore ?? int.MaxValue, ProblemNotes.PageSize, cancellation);
        History = await ProblemTimeline.LoadAsync(query, new EventHistory(store), Id, WhoMay.ReaderOf(User), HistoryBefore ?? int.MaxValue, ProblemTimeline.PageSize,
            cancellation) ?? [];
        var category = await query.LoadAsync<Category>(View.Category, cancellation);
        SensitiveCategory = category?.Sensitive == true;
        MarkedSensitive = await query.LoadAsync<Problem>(Id, cancellation) is { Sensitive: true };
        var named = await ReferenceDataLookups.TeamNamesAsync(query,
            [.. View.SensitiveTeams, .. SensitiveCategory ? category!.Teams : []], cancellation);
        SeenBy = [.. named.Values.Distinct().Order(StringComparer.Ordinal)];
        if (MayMarkSensitive) Teams = await query.Query<Team>().OrderBy(t => t.Name).ToListAsync(cancellation);
        AreaCode = (await ReferenceDataLookups.FindAreaAsync(query, View.Area, cancellation))?.Id ?? "";
        Version = View.Version;
        ViewData["Title"] = $"{View.Reference} {View.Title}";
        return true;
    }
}
