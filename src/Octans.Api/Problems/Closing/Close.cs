using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Closing;

/// <summary><paramref name="DuplicateOf"/> is the id of the problem this one duplicates, with the outcome Duplicate only.</summary>
public sealed record CloseProblemRequest(int? Version, string? Outcome, string? Note, Guid? DuplicateOf);

public static class CloseProblemEndpoint
{
    [WolverinePost("/api/problems/{id}/close", Name = "CloseProblem")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, CloseProblemRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new CloseProblem(Choice.Of<Outcome>(request.Outcome), request.Note ?? "", request.DuplicateOf);
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation,
            FieldErrors.UnknownChoice<Outcome>("outcome", request.Outcome));
        return outcome.Answer();
    }
}
