using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Actions;

public sealed record RescheduleActionRequest(int? Version, string? DueOn, string? Reason) : IProblemWrite;

public static class RescheduleActionEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RescheduleActionRequest request, Guid actionId, Problem problem, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellation) =>
        await ActionTeam.RefuseOtherTeamsAsync(user, problem, actionId, session, cancellation)
        ?? ProblemWrites.Check(request, problem, FieldErrors.MalformedDate("dueOn", request.DueOn));

    [Authorize(Policy = Policies.CoordinatorOrTeamMember)]
    [WolverinePost("/api/problems/{id}/actions/{actionId}/reschedule", Name = "RescheduleAction")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(RescheduleActionRequest request, Guid actionId, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user,
        TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem,
            new RescheduleAction(actionId, PickedDate.Of(request.DueOn), request.Reason ?? ""), user.Actor(), clock.GetUtcNow()));
}
