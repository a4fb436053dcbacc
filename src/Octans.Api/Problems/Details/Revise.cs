using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Details;

/// <summary>Fields left out stay as they are.</summary>
public sealed record ReviseDetailsRequest(int? Version, string? Title, string? Statement, string? Category, string? Risk, Reporting.LocationRequest? Location);

public static class ReviseDetailsEndpoint
{
    [WolverinePost("/api/problems/{id}/details", Name = "ReviseDetails")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, ReviseDetailsRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new ReviseDetails(request.Title, request.Statement, request.Category, Choice.Of<Risk>(request.Risk), request.Location?.ToLocation());
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation,
            FieldErrors.UnknownChoice<Risk>("risk", request.Risk));
        return outcome.Answer();
    }
}
