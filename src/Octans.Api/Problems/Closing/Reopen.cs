using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Closing;

public sealed record ReopenProblemRequest(int? Version, string? Reason) : IProblemWrite;

public static class ReopenProblemEndpoint
{
    public static ProblemDetails Validate(ReopenProblemRequest request, Problem problem) => ProblemWrites.CheckVersion(request, problem);

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/reopen", Name = "ReopenProblem")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(ReopenProblemRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, new ReopenProblem(request.Reason ?? ""), user.Actor(), clock.GetUtcNow()));
}
