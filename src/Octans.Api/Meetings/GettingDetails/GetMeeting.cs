using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Meetings.GettingDetails;

public sealed record AgendaItemView(Guid ProblemId, string Reference, string Title, Phase Phase, Rag? Rag, IReadOnlyList<AgendaReason> Why, bool Decided);

public sealed record MeetingDecisionView(Guid ProblemId, string Reference, string Title, Rag Rag, string Decision, DateOnly? NextReviewOn, string By,
    DateTimeOffset RecordedAt);

/// <summary>A meeting with its agenda as the record stands and its decisions, in agenda order (the minutes).</summary>
public sealed record MeetingView(Guid Id, string Area, MeetingKind Kind, DateOnly HeldOn, IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<MeetingDecisionView> Decisions)
{
    public static MeetingView Of(Meeting meeting, IReadOnlyList<AgendaItem> agenda) => new(
        meeting.Id, meeting.Area, meeting.Kind, meeting.HeldOn,
        [.. agenda.Select(i => new AgendaItemView(i.ProblemId, i.Reference, i.Title, i.Phase, i.Rag, i.Why, i.Decision is not null))],
        [.. meeting.Minutes().Select(d => new MeetingDecisionView(d.ProblemId, d.Reference, d.Title, d.Rag, d.Decision, d.NextReviewOn, d.By.Name, d.RecordedAt))]);

    public static async Task<MeetingView?> ReadAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        await MeetingChanges.ReadAsync(session, id, cancellation) is var (meeting, agenda) ? Of(meeting, agenda) : null;
}

public static class GetMeetingEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [WolverineGet("/api/meetings/{id}", Name = "GetMeeting")]
    [Tags("Meetings")]
    [ProducesResponseType<MeetingView>(200)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await MeetingView.ReadAsync(session, id, cancellation) is { } meeting
            ? Results.Ok(meeting)
            : Answers.NotFound(MeetingChanges.NoSuchMeeting).Result();
}
