using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Meetings.Arranging;

public sealed record MeetingArrangedResponse(Guid Id) : CreationResponse($"/api/meetings/{Id}");

public static class ArrangeMeetingEndpoint
{
    /// <summary>A tasking or Pathways meeting for an area, on its day or ahead of it; its agenda is built from the record.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/meetings", Name = "ArrangeMeeting")]
    [Tags("Meetings")]
    [ProducesResponseType<MeetingArrangedResponse>(201)]
    public static async Task<IResult> Post(ArrangeMeetingRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (id, refusal) = await MeetingChanges.ArrangeAsync(store, user, clock, request, cancellation);
        if (id is not { } made) return refusal!.Result();
        var created = new MeetingArrangedResponse(made);
        return Results.Created(created.Url, created);
    }
}
