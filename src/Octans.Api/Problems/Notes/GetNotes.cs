using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Wolverine.Http;

namespace Octans.Api.Problems.Notes;

public static class GetNotesEndpoint
{
    /// <summary>
    /// A problem's notes a page at a time, oldest first within the page: the latest <paramref name="limit"/> (20 unless
    /// given, at most 200) added before version <paramref name="before"/>, or the latest of all without it.
    /// </summary>
    [WolverineGet("/api/problems/{id}/notes", Name = "ListProblemNotes")]
    [Tags("Problems")]
    [ProducesResponseType<NotesPage>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? before, string? limit, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var beforeVersion = Paging.Whole(before, int.MaxValue, 1, int.MaxValue, "before", "The version to page back from must be a whole number, 1 or more.", errors);
        var count = Paging.Whole(limit, ProblemNotes.PageSize, 1, ProblemNotes.MaxPageSize, "limit",
            $"The number of notes must be a whole number from 1 to {ProblemNotes.MaxPageSize}.", errors);
        if (errors.Count > 0) return Answers.Invalid(errors).Result();
        if (!await ProblemRows.SeenAsync(session, id, WhoMay.ReaderOf(user), cancellation)) return WhoMay.NoSuchProblem().Result();
        return Results.Ok(await ProblemNotes.PageAsync(session, id, beforeVersion, count, cancellation));
    }
}
