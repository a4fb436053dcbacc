using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Actions;

public sealed record RescheduleActionRequest(int? Version, string? DueOn, string? Reason);

public static class RescheduleActionEndpoint
{
    [WolverinePost("/api/problems/{id}/actions/{actionId}/reschedule", Name = "RescheduleAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, Guid actionId, RescheduleActionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new RescheduleAction(actionId, PickedDate.Of(request.DueOn), request.Reason ?? "");
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation,
            FieldErrors.MalformedDate("dueOn", request.DueOn));
        return outcome.Answer();
    }
}
