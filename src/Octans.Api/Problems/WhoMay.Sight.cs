using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems;

public static partial class WhoMay
{
    /// <summary>The answer to someone who may not see a problem: the same as for a problem that does not exist, so it gives nothing away.</summary>
    public static ProblemDetails NoSuchProblem() => Answers.NotFound("There is no problem with that id.");

    /// <summary>Whether the user may see this problem (<see cref="Sight"/>), its category read only when the rule needs it.</summary>
    public static async Task<bool> SeeAsync(ClaimsPrincipal user, Problem problem, IQuerySession session, CancellationToken cancellation) =>
        ReaderOf(user) is var reader && (reader.SeesAll || await SeeAsync(reader, problem, session, cancellation));

    private static async Task<bool> SeeAsync(Reader reader, Problem problem, IQuerySession session, CancellationToken cancellation)
    {
        var category = await session.LoadAsync<Category>(problem.Category, cancellation);
        return Sight.Sees(reader, problem, category?.Sensitive == true, category?.Teams ?? []);
    }

    /// <summary>
    /// A 400 for a change that would leave a team with work on a sensitive problem it may not see: an action planned or
    /// reassigned to a team not named on it, or the problem marked sensitive without naming a team with open actions.
    /// </summary>
    public static async Task<ProblemDetails?> RefuseUnseenTeamAsync(Problem problem, IProblemCommand command, IQuerySession session,
        CancellationToken cancellation)
    {
        var given = command switch
        {
            PlanAction c => (Guid?)c.TeamId,
            ReassignAction c => c.TeamId,
            _ => null,
        };
        if (given is { } team)
        {
            if (await SeeAsync(Domain.Reader.OfTeam(team), problem, session, cancellation)) return null;
            var name = (await session.LoadAsync<Team>(team, cancellation))?.Name ?? "chosen";
            return Answers.Invalid("teamId",
                $"{problem.Reference} is sensitive and the {name} team is not named on it, so it could not see the action. " +
                "Name the team on the problem's sensitivity first, then give it the action.");
        }
        if (command is not ChangeSensitivity { Sensitive: true } marking) return null;
        var marked = new Problem { Category = problem.Category, Sensitive = true, SensitiveTo = [.. marking.Teams ?? []] };
        foreach (var openTeam in problem.Actions.Where(a => a.Status == ActionStatus.Open).Select(a => a.TeamId).Distinct())
            if (!await SeeAsync(Domain.Reader.OfTeam(openTeam), marked, session, cancellation))
                return Answers.Invalid("teams",
                    $"The {(await session.LoadAsync<Team>(openTeam, cancellation))?.Name ?? "other"} team has open actions on {problem.Reference}: " +
                    "name it too, or reassign or cancel its actions first.");
        return null;
    }
}
