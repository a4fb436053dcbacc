using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>
/// Moving a problem to its next phase: the page names what is left in the phase (open actions, unmet exit criteria, or no
/// exit criteria at all), and asks for a reason only when something is left. Build is the last phase: its next step is
/// closing the problem, and the page says so.
/// </summary>
public sealed class AdvanceModel(IQuerySession query, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Override { get; set; }

    public Problem Problem { get; private set; } = null!;
    public Phase? Next => Problem.Phase.Next();
    public IReadOnlyList<ProblemAction> OpenActions { get; private set; } = [];
    public IReadOnlyList<ExitCriterion> UnmetCriteria { get; private set; } = [];
    public bool NoCriteria { get; private set; }
    public bool Blocked => OpenActions.Count + UnmetCriteria.Count > 0 || NoCriteria;
    public IReadOnlyDictionary<Guid, string> TeamNames { get; private set; } = new Dictionary<Guid, string>();
    public bool Conflicted { get; private set; }

    /// <summary>After a conflict: what changed since the page was loaded that moving on depends on, in the users' words.</summary>
    public IReadOnlyList<string> ChangedSince { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is { } stop) return stop;
        Version = Problem.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is { } stop) return stop;
        var outcome = await ProblemChanges.ApplyFromPageAsync(store, User, clock, Id, Version, new AdvancePhase(Override), null, cancellation);
        switch (outcome.Status)
        {
            case 200:
                TempData["Done"] = $"{Problem.Reference} moved from {Problem.Phase} to {Next}";
                return Redirect($"/problems/{Id}");
            case 403:
                return Forbid();
            case 404:
                return NotFound();
            case 409:
                Conflicted = true;
                Show(outcome.Problem!);
                Version = Problem.Version;
                ChangedSince = await ChangesSince.SayAsync(query, clock, outcome.Since, Problem, cancellation);
                ModelState.AddModelError("", $"{Problem.Reference} changed while you had this page open. Check what is left now, below, then move it on again if it still makes sense.");
                return Page();
            default:
                ModelState.Add(outcome);
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellation)
    {
        if (await query.LoadAsync<Problem>(Id, cancellation) is not { } problem || !await WhoMay.SeeAsync(User, problem, query, cancellation))
            return NotFound();
        if (!WhoMay.Allows(User, typeof(AdvancePhase))) return Forbid();
        TeamNames = (await query.Query<Team>().ToListAsync(cancellation)).ToDictionary(t => t.Id, t => t.Name);
        Show(problem);
        return null;
    }

    private void Show(Problem problem)
    {
        Problem = problem;
        (OpenActions, UnmetCriteria) = problem.Remaining(problem.Phase);
        NoCriteria = !problem.HasExitCriteria(problem.Phase);
        ViewData["Title"] = (Next is { } next ? $"Move to {next}" : "Build is the last phase") + $" – {problem.Reference}";
    }
}
