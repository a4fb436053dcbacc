using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Actions;

public sealed record CancelActionRequest(int? Version, string? Reason);

public static class CancelActionEndpoint
{
    [WolverinePost("/api/problems/{id}/actions/{actionId}/cancel", Name = "CancelAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, Guid actionId, CancelActionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new CancelAction(actionId, request.Reason ?? "");
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation);
        return outcome.Answer();
    }
}
