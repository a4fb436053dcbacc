using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Phases;

public sealed record RevertPhaseRequest(int? Version, string? Reason);

public static class RevertPhaseEndpoint
{
    [WolverinePost("/api/problems/{id}/revert", Name = "RevertPhase")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, RevertPhaseRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new RevertPhase(request.Reason ?? "");
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation);
        return outcome.Answer();
    }
}
