using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Actions;

public sealed record CompleteActionRequest(int? Version, string? Note);

public static class CompleteActionEndpoint
{
    [WolverinePost("/api/problems/{id}/actions/{actionId}/complete", Name = "CompleteAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, Guid actionId, CompleteActionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new CompleteAction(actionId, request.Note ?? "");
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation);
        return outcome.Answer();
    }
}
