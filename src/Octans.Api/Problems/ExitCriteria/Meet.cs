using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.ExitCriteria;

public sealed record MeetExitCriterionRequest(int? Version, string? Evidence) : IProblemWrite;

public static class MeetExitCriterionEndpoint
{
    public static ProblemDetails Validate(MeetExitCriterionRequest request, Problem problem) => ProblemWrites.CheckVersion(request, problem);

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/criteria/{criterionId}/met", Name = "MeetExitCriterion")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(MeetExitCriterionRequest request, Guid criterionId, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user,
        TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, new MeetExitCriterion(criterionId, request.Evidence ?? ""), user.Actor(), clock.GetUtcNow()));
}
