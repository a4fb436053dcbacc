using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Api.Teams.TaskList;
using Octans.Domain;

namespace Octans.Api.Pages.Tasks;

/// <summary>A team member's open tasks across every problem, overdue first, each closed with a note from the list itself.</summary>
[Authorize(Roles = nameof(Role.TeamMember))]
public sealed class TasksModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    public Team? Team { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<TeamTaskView> Tasks { get; private set; } = [];

    /// <summary>The task whose form has an error or a conflict, with what the person typed.</summary>
    public Guid? Attempted { get; private set; }
    public string? AttemptedNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : Forbid();

    public async Task<IActionResult> OnPostCompleteAsync(Guid problemId, Guid actionId, int version, string? note, CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return Forbid();
        var task = Tasks.FirstOrDefault(t => t.ActionId == actionId && t.ProblemId == problemId);
        var outcome = await ProblemChanges.ApplyFromPageAsync(store, User, clock, problemId, version, new CompleteAction(actionId, note ?? ""), null, cancellation);
        if (outcome.Accepted)
        {
            TempData["Done"] = $"Done: {task?.Description ?? "the task"} ({task?.ProblemReference}).";
            return RedirectToPage();
        }

        Attempted = actionId;
        AttemptedNote = note;
        var field = $"note-{actionId}";
        var message = outcome.Status switch
        {
            409 => $"{outcome.Problem?.Reference} was changed by someone else while this page was open. The list now shows it as it is; press Complete again if the task is still done.",
            404 => "This task no longer exists.",
            403 => "This task belongs to another team now.",
            _ => outcome.Errors.Values.FirstOrDefault()?.FirstOrDefault() ?? outcome.Refusal!.Detail!,
        };
        ModelState.AddModelError(field, message);
        await LoadAsync(cancellation);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (User.TeamOf() is not { } teamId || await session.LoadAsync<Team>(teamId, cancellation) is not { } team) return false;
        Team = team;
        Today = London.Today(clock.GetUtcNow());
        ViewData["Title"] = "My team’s tasks";
        var tasks = await TeamTasks.ForTeamAsync(session, team.Id, ActionStatus.Open, WhoMay.ReaderOf(User), Today, cancellation);
        Tasks = [.. tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.DueOn)];
        return true;
    }
}
