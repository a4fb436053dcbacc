using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Meetings.AgendaItems;

public static class AddAgendaItemEndpoint
{
    /// <summary>Puts an open problem of the meeting's area on its agenda, which the record did not.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/meetings/{id}/items", Name = "AddAgendaItem")]
    [Tags("Meetings")]
    public static async Task<IResult> Post(Guid id, AgendaItemRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation) =>
        await MeetingChanges.AddAsync(store, user, clock, id, request.ProblemId, cancellation) is { } refused ? refused.Result() : Results.NoContent();
}

public static class DropAgendaItemEndpoint
{
    /// <summary>Takes a problem the meeting has not decided about off its agenda, whatever the record says.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/meetings/{id}/items/{problemId}/drop", Name = "DropAgendaItem")]
    [Tags("Meetings")]
    public static async Task<IResult> Post(Guid id, Guid problemId, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation) =>
        await MeetingChanges.DropAsync(store, user, clock, id, problemId, cancellation) is { } refused ? refused.Result() : Results.NoContent();
}
