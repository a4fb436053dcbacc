using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Problems.Actions;

/// <summary>A team member works on their own team's actions only; a coordinator on any action.</summary>
public static class ActionTeam
{
    /// <summary>A 403 for a team member whose team the action is not for, or null. An unknown action is left to the decision's 404.</summary>
    public static async Task<ProblemDetails?> RefuseOtherTeamsAsync(ClaimsPrincipal user, Problem problem, Guid actionId, IQuerySession session,
        CancellationToken cancellation)
    {
        if (!user.Is(Role.TeamMember) || problem.FindAction(actionId) is not { } action || action.TeamId == user.TeamOf())
            return null;
        var team = await session.LoadAsync<Team>(action.TeamId, cancellation);
        return ProblemWrites.Forbidden(
            $"The action “{action.Description}” is for the {team?.Name ?? "another"} team; only that team or a coordinator can change it.");
    }
}
