using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Recurrences;

public sealed record LogRecurrenceRequest(int? Version, string? ObservedOn, string? Description, string? Source) : IProblemWrite;

public static class LogRecurrenceEndpoint
{
    public static ProblemDetails Validate(LogRecurrenceRequest request, Problem problem) =>
        ProblemWrites.Check(request, problem, FieldErrors.MalformedDate("observedOn", request.ObservedOn));

    [Authorize(Policy = Policies.CoordinatorOrTeamMember)]
    [WolverinePost("/api/problems/{id}/recurrences", Name = "LogRecurrence")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(LogRecurrenceRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock)
    {
        var command = new LogRecurrence(PickedDate.Of(request.ObservedOn), request.Description ?? "", request.Source);
        return ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, command, user.Actor(), clock.GetUtcNow()));
    }
}
