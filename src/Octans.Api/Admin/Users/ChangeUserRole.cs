using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public sealed record ChangeRole(Role? Role, Guid? TeamId);

public static class ChangeUserRoleEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(ChangeRole request, IQuerySession session, CancellationToken cancellation)
    {
        var teams = await session.Query<Team>().Select(t => t.Id).ToListAsync(cancellation);
        var errors = UserRules.CheckRole(request.Role, request.TeamId, teams);
        return errors.Count == 0 ? WolverineContinue.NoProblems : UserRules.Invalid(errors, "Check the role and team and try again.");
    }

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/role", Name = "ChangeUserRole")]
    public static Task<IResult> Post(Guid id, ChangeRole request, IDocumentSession session, UserAccess access, CancellationToken cancellation) =>
        UserChanges.ChangeAsync(id, session, access, user => { user.Role = request.Role!.Value; user.TeamId = request.TeamId; }, cancellation);
}
