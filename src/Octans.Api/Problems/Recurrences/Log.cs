using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Recurrences;

public sealed record LogRecurrenceRequest(int? Version, string? ObservedOn, string? Description, string? Source);

public static class LogRecurrenceEndpoint
{
    [WolverinePost("/api/problems/{id}/recurrences", Name = "LogRecurrence")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, LogRecurrenceRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new LogRecurrence(PickedDate.Of(request.ObservedOn), request.Description ?? "", request.Source);
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation,
            FieldErrors.MalformedDate("observedOn", request.ObservedOn));
        return outcome.Answer();
    }
}
