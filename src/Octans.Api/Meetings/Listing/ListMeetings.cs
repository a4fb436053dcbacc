using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Meetings.Listing;

public static class ListMeetingsEndpoint
{
    /// <summary>An area's meetings (every area's without <c>area</c>), the latest first.</summary>
    [Authorize(Policy = Policies.SignedIn)]
    [WolverineGet("/api/meetings", Name = "ListMeetings")]
    [Tags("Meetings")]
    [ProducesResponseType<IReadOnlyList<MeetingSummary>>(200)]
    public static async Task<IResult> Get(string? area, IQuerySession session, CancellationToken cancellation)
    {
        var found = await ReferenceDataLookups.FindAreaAsync(session, area, cancellation);
        if (found is null && !string.IsNullOrWhiteSpace(area))
            return Answers.Invalid("area", $"There is no area called '{area}'.").Result();
        return Results.Ok(await MeetingRows.ListAsync(session, found?.Name, cancellation));
    }
}
