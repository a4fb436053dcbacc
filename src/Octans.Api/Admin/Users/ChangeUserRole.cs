using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public sealed record ChangeRole(string? Role, string? TeamId);

public static class ChangeUserRoleEndpoint
{
    public static async Task<(ChangedRole, ProblemDetails)> ValidateAsync(ChangeRole request, IQuerySession session, CancellationToken cancellation)
    {
        var (role, team, errors) = await UserRules.CheckRoleAsync(request.Role, request.TeamId, session, cancellation);
        return errors.Count == 0
            ? (new ChangedRole(role!.Value, team), WolverineContinue.NoProblems)
            : (new ChangedRole(default, null), Answers.Invalid(errors));
    }

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/role", Name = "ChangeUserRole")]
    [ProducesResponseType<UserView>(200)]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static Task<IResult> Post(Guid id, ChangeRole request, ChangedRole change, UserWrites writes, ClaimsPrincipal admin, TimeProvider clock,
        CancellationToken cancellation) =>
        UserChanges.AnswerAsync(id, writes, user => { user.Role = change.Role; user.TeamId = change.TeamId; }, admin.Actor(), clock.GetUtcNow(),
            cancellation);
}

public sealed record ChangedRole(Role Role, Guid? TeamId);
