using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.ExitCriteria;

public sealed record AddExitCriterionRequest(int? Version, string? Phase, string? Text) : IProblemWrite;

public sealed record ExitCriterionAddedAnswer(int Version, Guid CriterionId) : WriteAccepted(Version);

public static class AddExitCriterionEndpoint
{
    public static ProblemDetails Validate(AddExitCriterionRequest request, Problem problem) =>
        ProblemWrites.Check(request, problem, FieldErrors.UnknownChoice<Phase>("phase", request.Phase));

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/criteria", Name = "AddExitCriterion")]
    [ProducesResponseType<ExitCriterionAddedAnswer>(200)]
    public static (IResult, Events) Post(AddExitCriterionRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock)
    {
        var criterionId = Guid.CreateVersion7();
        var command = new AddExitCriterion(criterionId, Choice.Of<Phase>(request.Phase), request.Text ?? "");
        return ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, command, user.Actor(), clock.GetUtcNow()),
            version => new ExitCriterionAddedAnswer(version, criterionId));
    }
}
