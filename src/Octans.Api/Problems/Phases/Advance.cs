using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Phases;

/// <summary><paramref name="Override"/> is the reason to move on while actions or exit criteria of the phase remain.</summary>
public sealed record AdvancePhaseRequest(int? Version, string? Override) : IProblemWrite;

public static class AdvancePhaseEndpoint
{
    public static ProblemDetails Validate(AdvancePhaseRequest request, Problem problem) => ProblemWrites.CheckVersion(request, problem);

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/advance", Name = "AdvancePhase")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(AdvancePhaseRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, new AdvancePhase(request.Override), user.Actor(), clock.GetUtcNow()));
}
