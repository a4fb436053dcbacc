using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Closing;

/// <summary><paramref name="DuplicateOf"/> is the id of the problem this one duplicates, with the outcome Duplicate only.</summary>
public sealed record CloseProblemRequest(int? Version, string? Outcome, string? Note, Guid? DuplicateOf) : IProblemWrite;

public static class CloseProblemEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CloseProblemRequest request, Problem problem, IQuerySession session, CancellationToken cancellation) =>
        ProblemWrites.Check(request, problem,
            FieldErrors.UnknownChoice<Outcome>("outcome", request.Outcome),
            await FieldErrors.UnknownProblemAsync(session, "duplicateOf", request.DuplicateOf, cancellation));

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/close", Name = "CloseProblem")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(CloseProblemRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock)
    {
        var command = new CloseProblem(Choice.Of<Outcome>(request.Outcome), request.Note ?? "", request.DuplicateOf);
        return ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, command, user.Actor(), clock.GetUtcNow()));
    }
}
