using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.Reporting;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Details;

/// <summary>Fields left out stay as they are.</summary>
public sealed record ReviseDetailsRequest(int? Version, string? Title, string? Statement, string? Category, string? Risk, LocationRequest? Location)
    : IProblemWrite;

public static class ReviseDetailsEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(ReviseDetailsRequest request, Problem problem, IQuerySession session, CancellationToken cancellation) =>
        ProblemWrites.Check(request, problem,
            FieldErrors.UnknownChoice<Risk>("risk", request.Risk),
            await FieldErrors.UnknownCategoryAsync(session, request.Category, cancellation));

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/details", Name = "ReviseDetails")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(ReviseDetailsRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock)
    {
        var command = new ReviseDetails(request.Title, request.Statement, request.Category, Choice.Of<Risk>(request.Risk), request.Location?.ToLocation());
        return ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, command, user.Actor(), clock.GetUtcNow()));
    }
}
