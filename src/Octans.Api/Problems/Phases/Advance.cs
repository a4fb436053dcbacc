using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Phases;

/// <summary><paramref name="Override"/> is the reason to move on while actions or exit criteria of the phase remain, or when it has no exit criteria.</summary>
public sealed record AdvancePhaseRequest(int? Version, string? Override);

public static class AdvancePhaseEndpoint
{
    [WolverinePost("/api/problems/{id}/advance", Name = "AdvancePhase")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, AdvancePhaseRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new AdvancePhase(request.Override);
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation);
        return outcome.Answer();
    }
}
