using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Reviews;

public sealed record RecordReviewRequest(int? Version, string? MeetingOn, string? Rag, string? Decision, string? NextReviewOn) : IProblemWrite;

public static class RecordReviewEndpoint
{
    public static ProblemDetails Validate(RecordReviewRequest request, Problem problem) =>
        ProblemWrites.Check(request, problem,
            FieldErrors.MalformedDate("meetingOn", request.MeetingOn),
            FieldErrors.UnknownChoice<Rag>("rag", request.Rag),
            FieldErrors.MalformedDate("nextReviewOn", request.NextReviewOn));

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems/{id}/reviews", Name = "RecordReview")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(RecordReviewRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock)
    {
        var command = new RecordReview(PickedDate.Of(request.MeetingOn), Choice.Of<Rag>(request.Rag), request.Decision ?? "", PickedDate.Of(request.NextReviewOn));
        return ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, command, user.Actor(), clock.GetUtcNow()));
    }
}
