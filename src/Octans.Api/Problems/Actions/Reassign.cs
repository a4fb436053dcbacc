using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Actions;

public sealed record ReassignActionRequest(int? Version, Guid? TeamId, string? Assignee) : IProblemWrite;

public static class ReassignActionEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(ReassignActionRequest request, Problem problem, IQuerySession session, CancellationToken cancellation) =>
        ProblemWrites.Check(request, problem, await FieldErrors.UnknownTeamAsync(session, request.TeamId, cancellation));

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/actions/{actionId}/reassign", Name = "ReassignAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(ReassignActionRequest request, Guid actionId, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user,
        TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem,
            new ReassignAction(actionId, request.TeamId ?? Guid.Empty, request.Assignee), user.Actor(), clock.GetUtcNow()));
}
