using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Problems;

/// <summary>
/// Who may change a problem, and how, in one place for the API and the pages: coordinators make every change; team
/// members complete and reschedule their own team's actions, pass them to another team when the work is not theirs, and add
/// photos to them, add notes and log recurrences;
/// administrators mark a problem sensitive and name the teams who may see it, as coordinators do; nobody else changes problems.
/// </summary>
public static partial class WhoMay
{
    private static readonly Role[] Coordinators = [Role.Coordinator];
    private static readonly Role[] CoordinatorsAndTeams = [Role.Coordinator, Role.TeamMember];
    private static readonly Role[] CoordinatorsAndAdmins = [Role.Coordinator, Role.Admin];

    /// <summary>The roles that may give a command of this type (<see cref="ReportProblem"/> or an <see cref="IProblemCommand"/>).</summary>
    public static IReadOnlyList<Role> Give(Type command) =>
        command == typeof(ChangeSensitivity) ? CoordinatorsAndAdmins
        : command == typeof(CompleteAction) || command == typeof(RescheduleAction) || command == typeof(ReassignAction)
        || command == typeof(AddActionPhoto) || command == typeof(AddNote)
        || command == typeof(LogRecurrence)
            ? CoordinatorsAndTeams
            : Coordinators;

    /// <summary>
    /// Who the user is as a reader of sensitive problems (<see cref="Sight"/>): coordinators and administrators see them
    /// all, a team member those that name their team, anyone else none. Nothing sensitive is ever published, whoever asks.
    /// </summary>
    public static Reader ReaderOf(ClaimsPrincipal user) =>
        user.Is(Role.Coordinator) || user.Is(Role.Admin) ? Domain.Reader.Everything
        : user.Is(Role.TeamMember) && user.TeamOf() is { } team ? Domain.Reader.OfTeam(team)
        : Domain.Reader.Public;

    /// <summary>Whether the user may give a command of this type at all, before knowing which action it is about.</summary>
    public static bool Allows(ClaimsPrincipal user, Type command) => Give(command).Any(user.Is);

    /// <summary>Whether the user may give a command of this type about an action of this team.</summary>
    public static bool Allows(ClaimsPrincipal user, Type command, Guid actionTeam) =>
        Allows(user, command) && (!user.Is(Role.TeamMember) || user.TeamOf() == actionTeam);

    public static ProblemDetails? RefuseRole(ClaimsPrincipal user, Type command) =>
        Allows(user, command) ? null : Answers.Forbidden(
            Give(command) == CoordinatorsAndAdmins ? "Only a coordinator or an administrator can do this."
            : command == typeof(ReportProblem) || Give(command).Count == 1 ? "Only a coordinator can do this. Ask a coordinator of your partnership."
            : "Only a coordinator or a member of the team doing the work can do this.");

    /// <summary>A 403 for a team member whose team the action is not for; an unknown action is left to the decision's 404.</summary>
    public static async Task<ProblemDetails?> RefuseOtherTeamAsync(ClaimsPrincipal user, Problem problem, IProblemCommand command,
        IQuerySession session, CancellationToken cancellation)
    {
        if (command is not IActionCommand { ActionId: var actionId } || problem.FindAction(actionId) is not { } action
            || Allows(user, command.GetType(), action.TeamId))
            return null;
        var team = await session.LoadAsync<Team>(action.TeamId, cancellation);
        return Answers.Forbidden(
            $"The action “{action.Description}” is for the {team?.Name ?? "another"} team; only that team or a coordinator can change it.");
    }
}
