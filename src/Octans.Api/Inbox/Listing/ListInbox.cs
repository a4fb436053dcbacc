using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Inbox.Listing;

public static class ListInboxEndpoint
{
    /// <summary>
    /// Reports in the inbox, newest first, a page at a time, each with the open problems near it: an area's (or every
    /// area's), in one state (New, Attached, Promoted or Dismissed) or all.
    /// </summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverineGet("/api/inbox", Name = "ListInbox")]
    [Tags("Inbox")]
    [ProducesResponseType<InboxPage>(200)]
    public static async Task<IResult> Get(string? area, string? state, string? page, string? pageSize, IQuerySession session,
        CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var found = await ReferenceDataLookups.FindAreaAsync(session, area, cancellation);
        if (found is null && !string.IsNullOrWhiteSpace(area)) errors["area"] = [$"There is no area called '{area}'."];
        var chosen = Choice.Of<InboxState>(state);
        if (chosen is null && !string.IsNullOrWhiteSpace(state)) errors["state"] = ["The state must be New, Attached, Promoted or Dismissed."];
        var number = Paging.Whole(page, 1, 1, 100_000, "page", "The page must be a whole number from 1 to 100,000.", errors);
        var size = Paging.Whole(pageSize, InboxReports.PageSize, 1, InboxReports.MaxPageSize, "pageSize",
            $"The page size must be a whole number from 1 to {InboxReports.MaxPageSize}.", errors);
        if (errors.Count > 0) return Answers.Invalid(errors).Result();
        return Results.Ok(await InboxReports.PageAsync(session, found?.Name, chosen, number, size, cancellation));
    }
}
