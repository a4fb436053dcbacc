namespace Octans.Domain;

public sealed class ProblemAction
{
    public Guid Id { get; set; }
    public Phase Phase { get; set; }
    public string Description { get; set; } = "";
    public Guid TeamId { get; set; }
    public string? Assignee { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Actor? CompletedBy { get; set; }

    /// <summary>The note written when the action was completed.</summary>
    public string? Note { get; set; }

    public string? CancelledReason { get; set; }
}

public sealed class ExitCriterion
{
    public Guid Id { get; set; }
    public Phase Phase { get; set; }
    public string Text { get; set; } = "";
    public bool Met { get; set; }
    public DateTimeOffset? MetAt { get; set; }
    public string? Evidence { get; set; }
    public Actor? MetBy { get; set; }
}

public sealed record Note(DateTimeOffset At, Actor By, string Text);

public sealed record Review(
    DateOnly MeetingOn, Rag Rag, string Decision, DateOnly? NextReviewOn, Actor By, DateTimeOffset RecordedAt);

/// <summary>
/// One stay in a phase. <see cref="Reason"/> is the revert reason, or the override reason when
/// <see cref="Override"/> is true; it is null for an ordinary advance and for the first entry.
/// </summary>
public sealed record PhaseEntry(Phase Phase, DateTimeOffset EnteredAt, Actor By, string? Reason, bool Override);

public sealed record Recurrence(
    DateOnly ObservedOn, string Description, string? Source, Actor By, DateTimeOffset LoggedAt);
