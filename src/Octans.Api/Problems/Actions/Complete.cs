using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Actions;

public sealed record CompleteActionRequest(int? Version, string? Note) : IProblemWrite;

public static class CompleteActionEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CompleteActionRequest request, Guid actionId, Problem problem, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellation) =>
        await ActionTeam.RefuseOtherTeamsAsync(user, problem, actionId, session, cancellation) ?? ProblemWrites.CheckVersion(request, problem);

    [Authorize(Policy = Policies.CoordinatorOrTeamMember)]
    [WolverinePost("/api/problems/{id}/actions/{actionId}/complete", Name = "CompleteAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(CompleteActionRequest request, Guid actionId, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user,
        TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, new CompleteAction(actionId, request.Note ?? ""), user.Actor(), clock.GetUtcNow()));
}
