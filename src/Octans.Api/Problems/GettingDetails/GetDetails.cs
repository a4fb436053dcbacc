using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.GettingDetails;

public static class GetDetailsEndpoint
{
    /// <summary>Everything the problem page shows, with its latest notes (404 for a sensitive problem the reader may not see); GET /api/problems/{id}/notes pages back through the rest.</summary>
    [WolverineGet("/api/problems/{id}", Name = "GetProblem")]
    [ProducesResponseType<ProblemDetailsView>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation) =>
        await ProblemRecord.ReadAsync(session, id, WhoMay.ReaderOf(user), London.Today(clock.GetUtcNow()), cancellation) is { } details
            ? Results.Ok(details)
            : WhoMay.NoSuchProblem().Result();
}
