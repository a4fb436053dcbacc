using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.ExitCriteria;

public sealed record MeetExitCriterionRequest(int? Version, string? Evidence);

public static class MeetExitCriterionEndpoint
{
    [WolverinePost("/api/problems/{id}/criteria/{criterionId}/met", Name = "MeetExitCriterion")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, Guid criterionId, MeetExitCriterionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new MeetExitCriterion(criterionId, request.Evidence ?? "");
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation);
        return outcome.Answer();
    }
}
