using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Listing;

public static class ExportProblemsEndpoint
{
    public static async Task<(ProblemExport?, ProblemDetails)> ValidateAsync(string? phase, string? category, string? teamId, string? rag,
        string? overdue, string? q, string? area, string? status, string? near, string? within, string? sort, string? columns,
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var (export, errors) = await ProblemExport.CheckAsync(new(phase, category, teamId, rag, overdue, q, area, status, Near: near, Within: within, Sort: sort),
            columns, WhoMay.ReaderOf(user), session, London.Today(clock.GetUtcNow()), cancellation);
        return (export, export is null ? Answers.Invalid(errors) : WolverineContinue.NoProblems);
    }

    /// <summary>
    /// Every problem the list's filters match, as CSV with a header row, in the columns asked for (columns=reference,title,…;
    /// the list's usual columns when none are given). Rows are streamed as they are read.
    /// </summary>
    [Authorize(Policy = Policies.MayExport)]
    [WolverineGet("/api/problems.csv", Name = "ExportProblems")]
    [Tags("Problems")]
    [Produces("text/csv")]
    public static IResult Get(ProblemExport export, IDocumentStore store, CancellationToken cancellation) =>
        Results.Stream(output => export.WriteAsync(store, output, cancellation), ProblemExport.ContentType, ProblemExport.FileName);
}
