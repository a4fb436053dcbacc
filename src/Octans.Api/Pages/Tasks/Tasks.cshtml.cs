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

/// <summary>What a team member typed into one task's forms, kept when the change is refused.</summary>
public sealed record TaskAnswers(string? Note = null, (string? Day, string? Month, string? Year) DueOn = default, string? Reason = null,
    string? TeamId = null);

/// <summary>
/// A team member's open tasks across every problem, overdue first. Each is completed, given a new due date or passed to
/// another team from the list itself, and every one comes back to the list with what was done.
/// </summary>
[Authorize(Roles = nameof(Role.TeamMember))]
public sealed class TasksModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    public const string List = "/tasks";

    public Team? Team { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<TeamTaskView> Tasks { get; private set; } = [];
    public IReadOnlyList<Team> OtherTeams { get; private set; } = [];

    /// <summary>Where each form comes back to: the list, or another local page that sent the person here.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The task whose form has an error or a conflict, with what the person typed.</summary>
    public Guid? Attempted { get; private set; }
    public TaskAnswers Answers { get; private set; } = new();

    /// <summary>A field of one task's forms, so each card's errors link to its own field: "dueOn-{actionId}".</summary>
    public static string Field(string name, TeamTaskView task) => $"{name}-{task.ActionId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : Forbid();

    public Task<IActionResult> OnPostCompleteAsync(Guid problemId, Guid actionId, int version, string? note, CancellationToken cancellation) =>
        ChangeAsync(problemId, actionId, version, new CompleteAction(actionId, note ?? ""), new TaskAnswers(Note: note), "note",
            task => $"‘{task.Description}’ is done.", cancellation);

    /// <summary>A new due date, from the card's GOV.UK date input: its boxes are named after the task ("dueOn-{actionId}-day").</summary>
    public Task<IActionResult> OnPostRescheduleAsync(Guid problemId, Guid actionId, int version, string? reason, CancellationToken cancellation)
    {
        string? Box(string part) => Request.Form[$"dueOn-{actionId}-{part}"].FirstOrDefault();
        var typed = (Day: Box("day"), Month: Box("month"), Year: Box("year"));
        var day = DateInput.Read(typed.Day, typed.Month, typed.Year, out var real);
        return ChangeAsync(problemId, actionId, version, new RescheduleAction(actionId, day, reason ?? ""), new TaskAnswers(DueOn: typed, Reason: reason),
            "dueOn", task => $"‘{task.Description}’ moved to {London.Written(day!.Value)}.", cancellation,
            real ? null : new FieldError("dueOn", DateInput.NotReal));
    }

    public Task<IActionResult> OnPostReassignAsync(Guid problemId, Guid actionId, int version, string? teamId, CancellationToken cancellation)
    {
        var team = Guid.TryParse(teamId, out var parsed) ? parsed : Guid.Empty;
        return ChangeAsync(problemId, actionId, version, new ReassignAction(actionId, team), new TaskAnswers(TeamId: teamId), "teamId",
            task => $"‘{task.Description}’ passed to {OtherTeams.FirstOrDefault(t => t.Id == team)?.Name ?? "the other team"}.", cancellation);
    }

    private async Task<IActionResult> ChangeAsync(Guid problemId, Guid actionId, int version, IActionCommand command, TaskAnswers answers,
        string firstField, Func<TeamTaskView, string> done, CancellationToken cancellation, params FieldError?[] mistakes)
    {
        if (!await LoadAsync(cancellation)) return Forbid();
        var task = Tasks.FirstOrDefault(t => t.ActionId == actionId && t.ProblemId == problemId);
        var outcome = await ProblemChanges.ApplyFromPageAsync(store, User, clock, problemId, version, command, null, cancellation, mistakes);
        if (outcome.Accepted)
        {
            TempData["Done"] = task is null ? "Done." : done(task);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : List);
        }

        Attempted = actionId;
        Answers = answers;
        foreach (var (field, message) in Errors(outcome, firstField))
            ModelState.AddModelError($"{field}-{actionId}", message);
        await LoadAsync(cancellation);
        return Page();
    }

    /// <summary>The refusal's messages on the task's own fields; a conflict or a vanished task on the form's first field.</summary>
    private static IEnumerable<(string Field, string Message)> Errors(ChangeOutcome outcome, string firstField)
    {
        if (outcome.Status == 409)
            return [(firstField, $"{outcome.Problem?.Reference} was changed by someone else while this page was open. The list now shows it as it is; try again if it still needs doing.")];
        if (outcome.Status == 404) return [(firstField, "This task no longer exists.")];
        if (outcome.Status == 403) return [(firstField, outcome.Refusal?.Detail ?? "This task belongs to another team now.")];
        var errors = outcome.Errors.Where(e => e.Value.Length > 0).Select(e => (e.Key, e.Value[0])).ToList();
        return errors.Count > 0 ? errors : [(firstField, outcome.Refusal!.Detail!)];
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (User.TeamOf() is not { } teamId || await session.LoadAsync<Team>(teamId, cancellation) is not { } team) return false;
        Team = team;
        Today = London.Today(clock.GetUtcNow());
        ViewData["Title"] = "My team’s tasks";
        var tasks = await TeamTasks.ForTeamAsync(session, team.Id, ActionStatus.Open, WhoMay.ReaderOf(User), Today, cancellation);
        Tasks = [.. tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.DueOn)];
        OtherTeams = [.. (await session.Query<Team>().ToListAsync(cancellation)).Where(t => t.Id != team.Id).OrderBy(t => t.Name)];
        if (!Url.IsLocalUrl(ReturnUrl)) ReturnUrl = List;
        return true;
    }
}
