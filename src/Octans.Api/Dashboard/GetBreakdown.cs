using System.Security.Claims;
using Marten;
using Octans.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.Listing;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Dashboard;

public static class GetBreakdownEndpoint
{
    public static Task<(DashboardScope?, ProblemDetails)> ValidateAsync(string? area, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellation) =>
        DashboardScope.CheckAsync(area, WhoMay.ReaderOf(user), session, cancellation);

    /// <summary>
    /// The problems of one area or all of them by category and by ward (open by phase, and closed), and by the month they were
    /// reported over the last twelve months: a read of its own beside the dashboard's counts, as it visits every problem.
    /// </summary>
    [WolverineGet("/api/dashboard/breakdown", Name = "GetBreakdown")]
    [Tags("Dashboard")]
    [ProducesResponseType<ProblemBreakdown>(200)]
    public static Task<ProblemBreakdown> Get(DashboardScope scope, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        ProblemRows.BreakdownAsync(session, scope.Area, scope.Reader, London.Today(clock.GetUtcNow()), cancellation);
}
