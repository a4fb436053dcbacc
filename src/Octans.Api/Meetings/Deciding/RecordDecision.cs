using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Meetings.Deciding;

public static class RecordDecisionEndpoint
{
    /// <summary>
    /// The meeting's decision about a problem on its agenda: a review on the problem, as POST /api/problems/{id}/reviews
    /// records it, and a line in the minutes. Answers with the problem's new version.
    /// </summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/meetings/{id}/decisions", Name = "RecordMeetingDecision")]
    [Tags("Meetings")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, RecordDecisionRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation) =>
        (await MeetingChanges.DecideAsync(store, user, clock, id, request, cancellation)).Answer();
}
