using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.ExitCriteria;

public sealed record AddExitCriterionRequest(int? Version, string? Phase, string? Text);

public sealed record ExitCriterionAddedAnswer(int Version, Guid CriterionId) : WriteAccepted(Version);

public static class AddExitCriterionEndpoint
{
    [WolverinePost("/api/problems/{id}/criteria", Name = "AddExitCriterion")]
    [ProducesResponseType<ExitCriterionAddedAnswer>(200)]
    public static async Task<IResult> Post(Guid id, AddExitCriterionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new AddExitCriterion(Guid.CreateVersion7(), Choice.Of<Phase>(request.Phase), request.Text ?? "");
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation,
            FieldErrors.UnknownChoice<Phase>("phase", request.Phase));
        return outcome.Answer(version => new ExitCriterionAddedAnswer(version, command.CriterionId));
    }
}
