using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Teams.TaskList;

/// <summary>The team whose list is asked for, and the status to show (null for all of them).</summary>
public sealed record TaskListRequest(Team Team, ActionStatus? Status, Reader Reader);

public static class TeamTaskListEndpoint
{
    public static async Task<(TaskListRequest?, ProblemDetails)> ValidateAsync(Guid teamId, string? status, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellation)
    {
        var all = "All".Equals(status?.Trim(), StringComparison.OrdinalIgnoreCase);
        var wanted = string.IsNullOrWhiteSpace(status) ? ActionStatus.Open : Choice.Of<ActionStatus>(status);
        if (wanted is null && !all)
            return (null, Answers.Invalid("status", "Choose the status: Open, Done, Cancelled or All."));

        // A team member works from their own team's list; the rest of the partnership may look at any team's.
        if (user.Is(Role.TeamMember) && user.TeamOf() != teamId)
            return (null, Answers.Forbidden("You can see your own team's tasks only. Ask a coordinator about another team's work."));

        var team = await session.LoadAsync<Team>(teamId, cancellation);
        if (team is null)
            return (null, Answers.NotFound("There is no team with that id. GET /api/teams lists the teams."));

        return (new TaskListRequest(team, all ? null : wanted, WhoMay.ReaderOf(user)), WolverineContinue.NoProblems);
    }

    /// <summary>The team's tasks on the problems the reader may see, earliest due first; open ones unless another status is asked for.</summary>
    [WolverineGet("/api/teams/{teamId}/actions", Name = "ListTeamTasks")]
    [Tags("Teams")]
    [ProducesResponseType<IReadOnlyList<TeamTaskView>>(200)]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IReadOnlyList<TeamTaskView>> Get(TaskListRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation) =>
        await TeamTasks.ForTeamAsync(session, request.Team.Id, request.Status, request.Reader, London.Today(clock.GetUtcNow()), cancellation);
}
