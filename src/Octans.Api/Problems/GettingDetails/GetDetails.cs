using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.GettingDetails;

public static class GetDetailsEndpoint
{
    [WolverineGet("/api/problems/{id}", Name = "GetProblem")]
    [ProducesResponseType<ProblemDetailsView>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var problem = await session.LoadAsync<Problem>(id, cancellation);
        if (problem is null)
            return Results.Problem(statusCode: 404, title: "Not found", detail: "There is no problem with that id.");
        var teams = await ReferenceDataLookups.TeamNamesAsync(session, problem.Actions.Select(a => a.TeamId), cancellation);
        return Results.Ok(ProblemDetailsView.Of(problem, teams, London.Today(clock.GetUtcNow())));
    }
}
