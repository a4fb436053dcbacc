using System.Globalization;

namespace Octans.Domain;

public sealed record ArrangeMeeting(Guid MeetingId, string? Area, MeetingKind? Kind, DateOnly? HeldOn);

public sealed record AddAgendaItem(Guid ProblemId);

public sealed record DropAgendaItem(Guid ProblemId);

/// <summary>The meeting's decision about a problem on its agenda: the review it records there.</summary>
public sealed record RecordMeetingDecision(Guid ProblemId, RecordReview Review);

/// <summary>The answer to a decision about a meeting: the events to append, or a refusal like <see cref="Decision"/>'s.</summary>
public sealed record MeetingDecision(IReadOnlyList<IMeetingEvent> Events, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsRefused => Detail is not null;

    public static MeetingDecision Accept(IMeetingEvent e) => new([e], null, new Dictionary<string, string[]>());

    public static MeetingDecision Refuse(Decision refusal) => new([], refusal.Detail, refusal.Errors);

    public static MeetingDecision Refuse(string field, string detail) => new([], detail, new Dictionary<string, string[]> { [field] = [detail] });
}

public static class MeetingDecisions
{
    /// <summary>
    /// A meeting is made ahead of its day, or on it: one whose day has passed could only be recorded with its decisions,
    /// and those are reviews on each problem.
    /// </summary>
    public static MeetingDecision Arrange(ArrangeMeeting command, Actor by, DateTimeOffset now)
    {
        var input = new Input()
            .Name("area", command.Area, "area", TextLimits.Name)
            .Given("kind", command.Kind, "Choose the kind of meeting: Tasking or Pathways.")
            .Given("heldOn", command.HeldOn, "Enter the date of the meeting.")
            .Check(command.HeldOn is not { } day || day >= London.Today(now), "heldOn",
                "That day has passed, and a meeting in the past has no decisions to build its minutes from. Make the meeting on or " +
                "before its day, or record each decision as a review on its problem.")
            .Day("heldOn", command.HeldOn, "meeting date", now);
        return input.IsValid
            ? MeetingDecision.Accept(new MeetingArranged(command.MeetingId, command.Area!.Trim(), command.Kind!.Value, command.HeldOn!.Value, by, now))
            : MeetingDecision.Refuse(input.Refusal());
    }

    /// <summary><paramref name="problem"/> is what the record says of the problem if it is open in the meeting's area, otherwise null.</summary>
    public static MeetingDecision Decide(Meeting meeting, IReadOnlyList<AgendaItem> agenda, AddAgendaItem command, ProblemOnRecord? problem,
        Actor by, DateTimeOffset now)
    {
        if (problem is null)
            return MeetingDecision.Refuse("problemId", $"There is no open problem with that id in {meeting.Area}; only its open problems can be on the agenda.");
        if (agenda.Any(i => i.ProblemId == command.ProblemId))
            return MeetingDecision.Refuse("problemId", $"{problem.Reference} is on the agenda already.");
        return MeetingDecision.Accept(new AgendaItemAdded(meeting.Id, command.ProblemId, by, now));
    }

    public static MeetingDecision Decide(Meeting meeting, IReadOnlyList<AgendaItem> agenda, DropAgendaItem command, Actor by, DateTimeOffset now)
    {
        if (agenda.FirstOrDefault(i => i.ProblemId == command.ProblemId) is not { } item)
            return MeetingDecision.Refuse("problemId", "That problem is not on the agenda.");
        if (item.Decision is not null)
            return MeetingDecision.Refuse("problemId", $"The meeting has decided about {item.Reference}; it stays in the minutes.");
        return MeetingDecision.Accept(new AgendaItemDropped(meeting.Id, command.ProblemId, by, now));
    }

    /// <summary>
    /// A decision about a problem on the agenda, on or after the day of the meeting, once; the review it records on the
    /// problem is the problem's own decision, made with <see cref="ProblemDecisions"/>.
    /// </summary>
    public static MeetingDecision Decide(Meeting meeting, IReadOnlyList<AgendaItem> agenda, RecordMeetingDecision command, Actor by, DateTimeOffset now)
    {
        if (meeting.HeldOn > London.Today(now))
            return MeetingDecision.Refuse("heldOn",
                $"This meeting is on {meeting.HeldOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}; record its decisions on the day or after.");
        if (agenda.FirstOrDefault(i => i.ProblemId == command.ProblemId) is not { } item)
            return MeetingDecision.Refuse("problemId", "That problem is not on the agenda. Add it to the agenda first.");
        if (item.Decision is not null)
            return MeetingDecision.Refuse("problemId",
                $"The meeting has decided about {item.Reference} already. To change it, record another review on the problem.");
        var review = command.Review;
        if (review.Rag is not { } rag) return MeetingDecision.Refuse("rag", "Choose the RAG rating: Red, Amber or Green.");
        return MeetingDecision.Accept(new MeetingDecisionRecorded(
            meeting.Id, item.ProblemId, item.Reference, item.Title, item.Phase, item.Why, rag, review.Decision.Trim(),
            review.NextReviewOn, by, now));
    }
}
