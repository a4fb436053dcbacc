using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Actions;

public sealed record PlanActionRequest(int? Version, string? Description, Guid? TeamId, string? DueOn, string? Phase, string? Assignee);

public sealed record ActionPlannedAnswer(int Version, Guid ActionId) : WriteAccepted(Version);

public static class PlanActionEndpoint
{
    [WolverinePost("/api/problems/{id}/actions", Name = "PlanAction")]
    [ProducesResponseType<ActionPlannedAnswer>(200)]
    public static async Task<IResult> Post(Guid id, PlanActionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new PlanAction(Guid.CreateVersion7(), request.Description ?? "", request.TeamId ?? Guid.Empty, PickedDate.Of(request.DueOn),
            Choice.Of<Phase>(request.Phase), request.Assignee);
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation,
            FieldErrors.MalformedDate("dueOn", request.DueOn), FieldErrors.UnknownChoice<Phase>("phase", request.Phase));
        return outcome.Answer(version => new ActionPlannedAnswer(version, command.ActionId));
    }
}
