using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Phases;

public sealed record RevertPhaseRequest(int? Version, string? Reason) : IProblemWrite;

public static class RevertPhaseEndpoint
{
    public static ProblemDetails Validate(RevertPhaseRequest request, Problem problem) => ProblemWrites.CheckVersion(request, problem);

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/revert", Name = "RevertPhase")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(RevertPhaseRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, new RevertPhase(request.Reason ?? ""), user.Actor(), clock.GetUtcNow()));
}
