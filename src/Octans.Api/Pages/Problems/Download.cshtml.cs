using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>The board's problems as CSV, with the board's filters, for anyone signed in to the pages who may export.</summary>
[Authorize(Policy = Policies.MayExport)]
public sealed class DownloadModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? phase, string? category, string? teamId, string? rag, string? overdue, string? q,
        string? area, string? status, string? sort, string? columns, CancellationToken cancellation)
    {
        var (export, _) = await ProblemExport.CheckAsync(new(phase, category, teamId, rag, overdue, q, area, status, Sort: sort), columns, WhoMay.ReaderOf(User), session,
            London.Today(clock.GetUtcNow()), cancellation);
        if (export is null) return BadRequest();
        Response.ContentType = ProblemExport.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"{ProblemExport.FileName}\"";
        await export.WriteAsync(store, Response.Body, cancellation);
        return new EmptyResult();
    }
}
