using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Timeline;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

public sealed class ProblemModel(IQuerySession query, ProblemChanges changes, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Note { get; set; }

    public ProblemDetailsView View { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> History { get; private set; } = [];
    public bool MayEdit => User.Is(Role.Coordinator);
    public bool MayAddNotes => User.Is(Role.Coordinator) || User.Is(Role.TeamMember);

    public bool MayChange(ActionView action) =>
        User.Is(Role.Coordinator) || (User.Is(Role.TeamMember) && action.TeamId == User.TeamOf());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken cancellation)
    {
        if (!MayAddNotes) return Forbid();
        var outcome = await changes.ApplyAsync(Id, Version, User,
            (problem, by, now) => ProblemDecisions.Decide(problem, new AddNote(Note ?? ""), by, now), cancellation);
        switch (outcome.Result)
        {
            case ChangeResult.Accepted:
                TempData["Done"] = "Your note was added to the action log.";
                return Redirect($"/problems/{Id}#action-log");
            case ChangeResult.NotFound:
                return NotFound();
            case ChangeResult.Conflict:
                ModelState.AddModelError("note", "Someone else changed this problem while you were writing. The page now shows their change; your note is still in the box — add it again if it still fits.");
                break;
            default:
                ModelState.Add(outcome.Decision!);
                break;
        }
        await LoadAsync(cancellation);
        return Page();
    }

    /// <summary>"ActionPlanned" becomes "Action planned".</summary>
    public static string Headline(string type) =>
        string.Concat(type.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await query.LoadAsync<Problem>(Id, cancellation) is not { } problem) return false;
        var teams = await ReferenceDataLookups.TeamNamesAsync(query, problem.Actions.Select(a => a.TeamId), cancellation);
        View = ProblemDetailsView.Of(problem, teams, London.Today(clock.GetUtcNow()));
        History = await ProblemTimeline.LoadAsync(query, Id, cancellation) ?? [];
        Version = View.Version;
        ViewData["Title"] = $"{View.Reference} {View.Title}";
        return true;
    }
}
