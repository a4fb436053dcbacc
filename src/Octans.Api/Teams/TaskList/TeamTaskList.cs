using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Teams.TaskList;

/// <summary>
/// One task on a team's list. <see cref="Version"/> is the problem's current version, ready to send with
/// complete; <see cref="Overdue"/> means open and due before today in London.
/// </summary>
public sealed record TeamTaskView(
    Guid ProblemId, string ProblemReference, string ProblemTitle, string Location, Guid ActionId, string Description, Phase Phase,
    DateOnly DueOn, bool Overdue, int Version, ActionStatus Status, string? Assignee);

/// <summary>The team whose list is asked for, and the status to show (null for all of them).</summary>
public sealed record TaskListRequest(Team Team, ActionStatus? Status);

internal sealed record ProblemHeading(Guid Id, string Reference, string Title, string Location, int Version);

public static class TeamTaskListEndpoint
{
    public static async Task<(TaskListRequest?, ProblemDetails)> ValidateAsync(Guid teamId, string? status, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellation)
    {
        var all = "All".Equals(status?.Trim(), StringComparison.OrdinalIgnoreCase);
        var wanted = string.IsNullOrWhiteSpace(status) ? ActionStatus.Open : Choice.Of<ActionStatus>(status);
        if (wanted is null && !all)
            return (null, new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["status"] = ["Choose the status: Open, Done, Cancelled or All."],
            }) { Status = 400, Title = "Some filters need changing", Detail = "Choose the status: Open, Done, Cancelled or All." });

        // A team member works from their own team's list; the rest of the partnership may look at any team's.
        if (user.Is(Role.TeamMember) && user.TeamOf() != teamId)
            return (null, new ProblemDetails
            {
                Status = 403, Title = "Not allowed", Detail = "You can see your own team's tasks only. Ask a coordinator about another team's work.",
            });

        var team = await session.LoadAsync<Team>(teamId, cancellation);
        if (team is null)
            return (null, new ProblemDetails { Status = 404, Title = "Not found", Detail = "There is no team with that id. GET /api/teams lists the teams." });

        return (new TaskListRequest(team, all ? null : wanted), WolverineContinue.NoProblems);
    }

    /// <summary>The team's tasks across all problems, earliest due first; open ones unless another status is asked for.</summary>
    [WolverineGet("/api/teams/{teamId}/actions", Name = "ListTeamTasks")]
    [Tags("Teams")]
    [ProducesResponseType<IReadOnlyList<TeamTaskView>>(200)]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IReadOnlyList<TeamTaskView>> Get(TaskListRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var teamId = request.Team.Id;
        var query = session.Query<TeamTask>().Where(t => t.TeamId == teamId);
        if (request.Status is { } status) query = query.Where(t => t.Status == status);
        var tasks = await query.OrderBy(t => t.DueOn).ThenBy(t => t.Id).ToListAsync(cancellation);
        if (tasks.Count == 0) return [];

        // Titles and locations change and versions move with every write, so they are read from the problems now.
        var problemIds = tasks.Select(t => t.ProblemId).Distinct().ToArray();
        var problems = await session.Query<Problem>()
            .Where(p => p.Id.IsOneOf(problemIds))
            .Select(p => new ProblemHeading(p.Id, p.Reference, p.Title, p.Location.Description, p.Version))
            .ToListAsync(cancellation);

        var today = London.Today(clock.GetUtcNow());
        return tasks
            .Join(problems, t => t.ProblemId, p => p.Id, (t, problem) => new TeamTaskView(
                problem.Id, problem.Reference, problem.Title, problem.Location, t.Id, t.Description, t.Phase, t.DueOn,
                t.Status == ActionStatus.Open && t.DueOn < today, problem.Version, t.Status, t.Assignee))
            .ToList();
    }
}
