using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Listing;

public static class ListProblemsEndpoint
{
    public static async Task<(ProblemFilter?, ProblemDetails)> ValidateAsync(string? phase, string? category, string? teamId, string? rag,
        string? overdue, string? q, string? area, string? status, string? page, string? pageSize, string? near, string? within, string? sort,
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var (filter, errors) = await ProblemFilter.CheckAsync(new(phase, category, teamId, rag, overdue, q, area, status, page, pageSize, near, within, sort), WhoMay.ReaderOf(user), session,
            London.Today(clock.GetUtcNow()), cancellation);
        return (filter, filter is null ? Answers.Invalid(errors) : WolverineContinue.NoProblems);
    }

    /// <summary>
    /// The problems the reader may see, most recently updated first (or, with near, the problems within a circle, nearest
    /// first; or in the order sort asks for), a page at a time.
    /// </summary>
    [WolverineGet("/api/problems", Name = "ListProblems")]
    [Tags("Problems")]
    [ProducesResponseType<ProblemListPage>(200)]
    public static Task<ProblemListPage> Get(ProblemFilter filter, IQuerySession session, CancellationToken cancellation) =>
        ProblemRows.PageAsync(session, filter, cancellation);
}
