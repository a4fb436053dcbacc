using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Actions;

public sealed record CancelActionRequest(int? Version, string? Reason) : IProblemWrite;

public static class CancelActionEndpoint
{
    public static ProblemDetails Validate(CancelActionRequest request, Problem problem) => ProblemWrites.CheckVersion(request, problem);

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/actions/{actionId}/cancel", Name = "CancelAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(CancelActionRequest request, Guid actionId, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user,
        TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, new CancelAction(actionId, request.Reason ?? ""), user.Actor(), clock.GetUtcNow()));
}
