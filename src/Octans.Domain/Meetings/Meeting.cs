namespace Octans.Domain;

/// <summary>A meeting as its decisions and its agenda see it, built from its events with <see cref="From"/> and <see cref="Play"/>.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Area { get; set; } = "";
    public MeetingKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public HashSet<Guid> Added { get; set; } = [];
    public HashSet<Guid> Dropped { get; set; } = [];
    public List<MeetingDecisionRecorded> Decisions { get; set; } = [];

    public static Meeting From(MeetingArranged e) => new() { Id = e.MeetingId, Version = 1, Area = e.Area, Kind = e.Kind, HeldOn = e.HeldOn };

    public static Meeting Replay(IEnumerable<IMeetingEvent> events)
    {
        Meeting? meeting = null;
        foreach (var e in events)
        {
            if (meeting is null) meeting = From((MeetingArranged)e);
            else meeting.Play(e);
        }
        return meeting ?? throw new ArgumentException("A meeting's history starts with MeetingArranged.", nameof(events));
    }

    public void Play(IMeetingEvent e)
    {
        switch (e)
        {
            case AgendaItemAdded added:
                Added.Add(added.ProblemId);
                Dropped.Remove(added.ProblemId);
                break;
            case AgendaItemDropped dropped:
                Dropped.Add(dropped.ProblemId);
                Added.Remove(dropped.ProblemId);
                break;
            case MeetingDecisionRecorded decided:
                Decisions.Add(decided);
                break;
        }
        Version++;
    }

    public MeetingDecisionRecorded? DecisionOn(Guid problemId) => Decisions.Find(d => d.ProblemId == problemId);

    /// <summary>The minutes: the decisions in agenda order.</summary>
    public IReadOnlyList<MeetingDecisionRecorded> Minutes() => [.. Decisions.OrderBy(d => d.Reference, AgendaOrder.Instance)];

    /// <summary>The review the meeting's decision records on its problem, dated the day of the meeting.</summary>
    public RecordReview ReviewOf(Rag? rag, string? decision, DateOnly? nextReviewOn) => new(HeldOn, rag, decision ?? "", nextReviewOn);
}
