using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Actions;

public sealed record PlanActionRequest(int? Version, string? Description, Guid? TeamId, string? DueOn, string? Phase, string? Assignee) : IProblemWrite;

public sealed record ActionPlannedAnswer(int Version, Guid ActionId) : WriteAccepted(Version);

public static class PlanActionEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(PlanActionRequest request, Problem problem, IQuerySession session, CancellationToken cancellation) =>
        ProblemWrites.Check(request, problem,
            FieldErrors.MalformedDate("dueOn", request.DueOn),
            FieldErrors.UnknownChoice<Phase>("phase", request.Phase),
            await FieldErrors.UnknownTeamAsync(session, request.TeamId, cancellation));

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/actions", Name = "PlanAction")]
    [ProducesResponseType<ActionPlannedAnswer>(200)]
    public static (IResult, Events) Post(PlanActionRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock)
    {
        var actionId = Guid.CreateVersion7();
        var command = new PlanAction(actionId, request.Description ?? "", request.TeamId ?? Guid.Empty, PickedDate.Of(request.DueOn),
            Choice.Of<Phase>(request.Phase), request.Assignee);
        return ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, command, user.Actor(), clock.GetUtcNow()),
            version => new ActionPlannedAnswer(version, actionId));
    }
}
