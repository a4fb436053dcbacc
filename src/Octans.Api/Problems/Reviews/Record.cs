using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Reviews;

public sealed record RecordReviewRequest(int? Version, string? MeetingOn, string? Rag, string? Decision, string? NextReviewOn);

public static class RecordReviewEndpoint
{
    [WolverinePost("/api/problems/{id}/reviews", Name = "RecordReview")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, RecordReviewRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var command = new RecordReview(PickedDate.Of(request.MeetingOn), Choice.Of<Rag>(request.Rag), request.Decision ?? "", PickedDate.Of(request.NextReviewOn));
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, command, cancellation,
            FieldErrors.MalformedDate("meetingOn", request.MeetingOn), FieldErrors.UnknownChoice<Rag>("rag", request.Rag), FieldErrors.MalformedDate("nextReviewOn", request.NextReviewOn));
        return outcome.Answer();
    }
}
