using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Meetings;

public sealed record ArrangeMeetingRequest(string? Area, string? Kind, string? HeldOn);

public sealed record AgendaItemRequest(Guid? ProblemId);

public sealed record RecordDecisionRequest(Guid? ProblemId, int? Version, string? Rag, string? Decision, string? NextReviewOn);

/// <summary>
/// The one way to change a meeting, for the API and the pages alike: the meeting as its decisions see it, with its
/// agenda as the record stands, the domain's decision, and its events appended. A decision is also a review on its
/// problem, recorded through <see cref="ProblemChanges"/> in the same transaction, or not at all.
/// </summary>
public static class MeetingChanges
{
    public const string NoSuchMeeting = "There is no meeting with that id.";

    public static async Task<(Guid? Id, ProblemDetails? Refusal)> ArrangeAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        ArrangeMeetingRequest request, CancellationToken cancellation)
    {
        if (WhoMay.RefuseRole(user, typeof(ArrangeMeeting)) is { } notAllowed) return (null, notAllowed);
        await using var session = store.OpenWriteSession();
        var errors = new Dictionary<string, string[]>();
        var area = await ReferenceDataLookups.FindAreaAsync(session, request.Area, cancellation);
        if (area is null && !string.IsNullOrWhiteSpace(request.Area))
            errors["area"] = [$"There is no area called '{request.Area}'. Choose one from GET /api/areas."];
        if (FieldErrors.UnknownChoice<MeetingKind>("kind", request.Kind) is { } kind) errors[kind.Field] = [kind.Message];
        if (FieldErrors.MalformedDate("heldOn", request.HeldOn) is { } day) errors[day.Field] = [day.Message];

        var id = Guid.CreateVersion7();
        var decision = MeetingDecisions.Arrange(
            new ArrangeMeeting(id, area?.Name ?? request.Area, Choice.Of<MeetingKind>(request.Kind), PickedDate.Of(request.HeldOn)),
            user.Actor(), clock.GetUtcNow());
        foreach (var (field, messages) in decision.Errors) errors.TryAdd(field, messages);
        if (errors.Count > 0) return (null, Answers.Invalid(errors, decision.Detail));

        session.Events.StartStream<Meeting>(id, [.. decision.Events]);
        await session.SaveChangesAsync(cancellation);
        return (id, null);
    }

    /// <summary>The meeting with its agenda as the record stands, or null when there is none.</summary>
    public static async Task<(Meeting Meeting, IReadOnlyList<AgendaItem> Agenda)?> ReadAsync(IQuerySession session, Guid id,
        CancellationToken cancellation, Guid? only = null)
    {
        if (id == Guid.Empty || await session.Events.AggregateStreamAsync<Meeting>(id, token: cancellation) is not { } meeting) return null;
        var record = await AgendaRecord.ReadAsync(session, meeting.Area, only, cancellation);
        var previous = await MeetingRows.PreviousAsync(session, meeting.Area, meeting.HeldOn, cancellation);
        return (meeting, Agenda.Build(meeting, record, previous));
    }

    public static Task<ProblemDetails?> AddAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid id, Guid? problemId,
        CancellationToken cancellation) =>
        ChangeAsync(store, user, id, problemId, cancellation, async (session, meeting, agenda, problem) =>
        {
            var onRecord = (await AgendaRecord.ReadAsync(session, meeting.Area, problem, cancellation)).FirstOrDefault();
            return MeetingDecisions.Decide(meeting, agenda, new AddAgendaItem(problem), onRecord, user.Actor(), clock.GetUtcNow());
        });

    public static Task<ProblemDetails?> DropAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid id, Guid? problemId,
        CancellationToken cancellation) =>
        ChangeAsync(store, user, id, problemId, cancellation, (_, meeting, agenda, problem) =>
            Task.FromResult(MeetingDecisions.Decide(meeting, agenda, new DropAgendaItem(problem), user.Actor(), clock.GetUtcNow())));

    /// <summary>
    /// The meeting's decision about a problem on its agenda: a review on the problem, with the version the person last saw
    /// (a stale one is a 409), and the decision in the meeting's minutes, in one transaction.
    /// </summary>
    public static async Task<ChangeOutcome> DecideAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid id,
        RecordDecisionRequest request, CancellationToken cancellation)
    {
        if (WhoMay.RefuseRole(user, typeof(RecordMeetingDecision)) is { } notAllowed) return new(null, notAllowed);
        if (request.ProblemId is not { } problemId || problemId == Guid.Empty)
            return new(null, Answers.Invalid("problemId", "Choose the problem on the agenda the decision is about."));
        await using var query = store.QuerySession();
        if (await ReadAsync(query, id, cancellation) is not var (meeting, agenda)) return new(null, Answers.NotFound(NoSuchMeeting));

        var review = meeting.ReviewOf(Choice.Of<Rag>(request.Rag), request.Decision, PickedDate.Of(request.NextReviewOn));
        var command = new RecordMeetingDecision(problemId, review);
        var early = MeetingDecisions.Decide(meeting, agenda, command, user.Actor(), clock.GetUtcNow());
        // The rating is checked last, so a refusal for it alone means the meeting would take the decision: the problem's
        // own rules then answer for the rating with the rest of the review.
        if (early.IsRefused && !early.Errors.ContainsKey("rag")) return new(null, Refusal(early));

        return await ProblemChanges.ApplyAsync(store, user, clock, problemId, request.Version, review,
            Recording(id, command, user.Actor(), clock.GetUtcNow()), cancellation,
            FieldErrors.UnknownChoice<Rag>("rag", request.Rag), FieldErrors.MalformedDate("nextReviewOn", request.NextReviewOn));
    }

    /// <summary>The decision in the meeting's stream, in the session of the review it records, against the meeting as it is now.</summary>
    private static Alongside Recording(Guid id, RecordMeetingDecision command, Actor by, DateTimeOffset now) => async (session, cancellation) =>
    {
        var stream = await session.Events.FetchForWriting<Meeting>(id, cancellation);
        if (stream.Aggregate is not { } meeting) return Answers.NotFound(NoSuchMeeting);
        var record = await AgendaRecord.ReadAsync(session, meeting.Area, command.ProblemId, cancellation);
        var previous = await MeetingRows.PreviousAsync(session, meeting.Area, meeting.HeldOn, cancellation);
        var decision = MeetingDecisions.Decide(meeting, Agenda.Build(meeting, record, previous), command, by, now);
        if (Refusal(decision) is { } refused) return refused;
        stream.AppendMany(decision.Events);
        return null;
    };

    private static async Task<ProblemDetails?> ChangeAsync(IDocumentStore store, ClaimsPrincipal user, Guid id, Guid? problemId,
        CancellationToken cancellation, Func<IDocumentSession, Meeting, IReadOnlyList<AgendaItem>, Guid, Task<MeetingDecision>> decide)
    {
        if (WhoMay.RefuseRole(user, typeof(AddAgendaItem)) is { } notAllowed) return notAllowed;
        if (problemId is not { } problem || problem == Guid.Empty)
            return Answers.Invalid("problemId", "Choose the problem.");
        if (id == Guid.Empty) return Answers.NotFound(NoSuchMeeting);
        await using var session = store.OpenWriteSession();
        var stream = await session.Events.FetchForWriting<Meeting>(id, cancellation);
        if (stream.Aggregate is not { } meeting) return Answers.NotFound(NoSuchMeeting);
        var record = await AgendaRecord.ReadAsync(session, meeting.Area, null, cancellation);
        var previous = await MeetingRows.PreviousAsync(session, meeting.Area, meeting.HeldOn, cancellation);
        var decision = await decide(session, meeting, Agenda.Build(meeting, record, previous), problem);
        if (Refusal(decision) is { } refused) return refused;
        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return Answers.Refused("Someone changed this meeting's agenda at the same moment. Look at it again.");
        }
        return null;
    }

    public static ProblemDetails? Refusal(MeetingDecision decision) =>
        !decision.IsRefused ? null
        : decision.Errors.Count > 0 ? Answers.Invalid(decision.Errors, decision.Detail)
        : Answers.Refused(decision.Detail!);
}
