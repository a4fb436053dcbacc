using System.Security.Claims;
using Marten;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
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

/// <summary>
/// A meeting with its agenda as the record stands and its decisions, in agenda order (the minutes), less the problems
/// the reader may not see.
/// </summary>
public sealed record MeetingView(Guid Id, string Area, MeetingKind Kind, DateOnly HeldOn, IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<MeetingDecisionView> Decisions)
{
    public static MeetingView Of(Meeting meeting, IReadOnlyList<AgendaItem> agenda) => new(
        meeting.Id, meeting.Area, meeting.Kind, meeting.HeldOn,
        [.. agenda.Select(i => new AgendaItemView(i.ProblemId, i.Reference, i.Title, i.Phase, i.Rag, i.Why, i.Decision is not null))],
        [.. meeting.Minutes().Select(d => new MeetingDecisionView(d.ProblemId, d.Reference, d.Title, d.Rag, d.Decision, d.NextReviewOn, d.By.Name, d.RecordedAt))]);

    public static async Task<MeetingView?> ReadAsync(IQuerySession session, Guid id, Reader reader, CancellationToken cancellation)
    {
        if (await MeetingChanges.ReadAsync(session, id, cancellation) is not var (meeting, agenda)) return null;
        var view = Of(meeting, agenda);
        var hidden = await ProblemRows.HiddenAmongAsync(session, [.. view.Items.Select(i => i.ProblemId), .. view.Decisions.Select(d => d.ProblemId)],
            reader, cancellation);
        return view with
        {
            Items = [.. view.Items.Where(i => !hidden.Contains(i.ProblemId))],
            Decisions = [.. view.Decisions.Where(d => !hidden.Contains(d.ProblemId))],
        };
    }
}

public static class GetMeetingEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [WolverineGet("/api/meetings/{id}", Name = "GetMeeting")]
    [Tags("Meetings")]
    [ProducesResponseType<MeetingView>(200)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation) =>
        await MeetingView.ReadAsync(session, id, WhoMay.ReaderOf(user), cancellation) is { } meeting
            ? Results.Ok(meeting)
            : Answers.NotFound(MeetingChanges.NoSuchMeeting).Result();
}
