using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Actions;

public sealed record ReassignActionRequest(int? Version, Guid? TeamId, string? Assignee);

public static class ReassignActionEndpoint
{
    [WolverinePost("/api/problems/{id}/actions/{actionId}/reassign", Name = "ReassignAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, Guid actionId, ReassignActionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new ReassignAction(actionId, request.TeamId ?? Guid.Empty, request.Assignee);
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation);
        return outcome.Answer();
    }
}
