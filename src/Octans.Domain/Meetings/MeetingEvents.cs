namespace Octans.Domain;

/// <summary>Monthly tasking among partners, or the quarterly Pathways meeting that residents may join.</summary>
public enum MeetingKind { Tasking, Pathways }

/// <summary>Something that happened to a meeting; a meeting is its own stream, apart from the problems it reviews.</summary>
public interface IMeetingEvent
{
    Guid MeetingId { get; }
    DateTimeOffset At { get; }
}

public sealed record MeetingArranged(Guid MeetingId, string Area, MeetingKind Kind, DateOnly HeldOn, Actor By, DateTimeOffset ArrangedAt)
    : IMeetingEvent
{
    DateTimeOffset IMeetingEvent.At => ArrangedAt;
}

/// <summary>A coordinator put a problem on the agenda that the record did not.</summary>
public sealed record AgendaItemAdded(Guid MeetingId, Guid ProblemId, Actor By, DateTimeOffset AddedAt) : IMeetingEvent
{
    DateTimeOffset IMeetingEvent.At => AddedAt;
}

/// <summary>A coordinator took a problem off the agenda, whatever the record says.</summary>
public sealed record AgendaItemDropped(Guid MeetingId, Guid ProblemId, Actor By, DateTimeOffset DroppedAt) : IMeetingEvent
{
    DateTimeOffset IMeetingEvent.At => DroppedAt;
}

/// <summary>
/// The meeting decided about a problem; the same decision is a <see cref="ReviewRecorded"/> on the problem, in the same
/// transaction. The item is kept as it stood on the agenda (reference, title, phase, why), so the minutes never change
/// when the problem does.
/// </summary>
public sealed record MeetingDecisionRecorded(
    Guid MeetingId, Guid ProblemId, string Reference, string Title, Phase Phase, IReadOnlyList<AgendaReason> Why, Rag Rag,
    string Decision, DateOnly? NextReviewOn, Actor By, DateTimeOffset RecordedAt) : IMeetingEvent
{
    DateTimeOffset IMeetingEvent.At => RecordedAt;
}

public static class MeetingEvents
{
    public static IReadOnlyList<Type> All { get; } =
        [typeof(MeetingArranged), typeof(AgendaItemAdded), typeof(AgendaItemDropped), typeof(MeetingDecisionRecorded)];
}
