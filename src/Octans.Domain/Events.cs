namespace Octans.Domain;

public interface IProblemEvent
{
    Guid ProblemId { get; }
    Actor By { get; }
    DateTimeOffset At { get; }
}

public sealed record ProblemReported(
    Guid ProblemId, string Reference, string Title, string Statement, string Category, string Area, Risk Risk,
    Location Location, Actor By, DateTimeOffset ReportedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => ReportedAt;
}

/// <summary>Only the fields that changed are set; null means unchanged.</summary>
public sealed record ProblemDetailsRevised(
    Guid ProblemId, string? Title, string? Statement, string? Category, Risk? Risk, Location? Location,
    Actor By, DateTimeOffset RevisedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => RevisedAt;
}

public sealed record ActionPlanned(
    Guid ProblemId, Guid ActionId, Phase Phase, string Description, Guid TeamId, string? Assignee, DateOnly DueOn,
    Actor By, DateTimeOffset PlannedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => PlannedAt;
}

public sealed record ActionCompleted(Guid ProblemId, Guid ActionId, string Note, Actor By, DateTimeOffset CompletedAt)
    : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => CompletedAt;
}

public sealed record ActionReopened(Guid ProblemId, Guid ActionId, string Reason, Actor By, DateTimeOffset ReopenedAt)
    : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => ReopenedAt;
}

public sealed record ActionCancelled(Guid ProblemId, Guid ActionId, string Reason, Actor By, DateTimeOffset CancelledAt)
    : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => CancelledAt;
}

public sealed record ActionReassigned(
    Guid ProblemId, Guid ActionId, Guid TeamId, string? Assignee, Actor By, DateTimeOffset ReassignedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => ReassignedAt;
}

public sealed record ActionRescheduled(
    Guid ProblemId, Guid ActionId, DateOnly DueOn, string Reason, Actor By, DateTimeOffset RescheduledAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => RescheduledAt;
}

public sealed record NoteAdded(Guid ProblemId, string Text, Actor By, DateTimeOffset AddedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => AddedAt;
}

public sealed record ExitCriterionAdded(
    Guid ProblemId, Guid CriterionId, Phase Phase, string Text, Actor By, DateTimeOffset AddedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => AddedAt;
}

public sealed record ExitCriterionMet(Guid ProblemId, Guid CriterionId, string Evidence, Actor By, DateTimeOffset MetAt)
    : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => MetAt;
}

public sealed record ReviewRecorded(
    Guid ProblemId, DateOnly MeetingOn, Rag Rag, string Decision, DateOnly? NextReviewOn,
    Actor By, DateTimeOffset RecordedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => RecordedAt;
}

/// <summary><paramref name="Place"/> is where it was seen, when that is known (a report from the public has a pin); events kept before it have none.</summary>
public sealed record RecurrenceLogged(
    Guid ProblemId, DateOnly ObservedOn, string Description, string? Source, Actor By, DateTimeOffset LoggedAt, Location? Place = null)
    : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => LoggedAt;
}

/// <summary><paramref name="Override"/> is the reason recorded when the phase moved on with work still open.</summary>
public sealed record PhaseAdvanced(
    Guid ProblemId, Phase From, Phase To, string? Override, Actor By, DateTimeOffset AdvancedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => AdvancedAt;
}

public sealed record PhaseReverted(
    Guid ProblemId, Phase From, Phase To, string Reason, Actor By, DateTimeOffset RevertedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => RevertedAt;
}

public sealed record ProblemClosed(
    Guid ProblemId, Outcome Outcome, string Note, Guid? DuplicateOf, Actor By, DateTimeOffset ClosedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => ClosedAt;
}

public sealed record ProblemReopened(Guid ProblemId, string Reason, Actor By, DateTimeOffset ReopenedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => ReopenedAt;
}

/// <summary>
/// A photo was added to an action (<paramref name="ActionId"/>) or an exit criterion (<paramref name="CriterionId"/>);
/// its bytes are kept beside the events under <paramref name="PhotoId"/>, never in them.
/// </summary>
public sealed record PhotoAdded(
    Guid ProblemId, Guid PhotoId, Guid? ActionId, Guid? CriterionId, BeforeOrAfter When, Actor By, DateTimeOffset AddedAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => AddedAt;
}

/// <summary>
/// The problem was marked sensitive (never published anywhere, and seen only by coordinators, administrators and the
/// <see cref="Teams"/> named), or no longer. Events from before teams were named have none.
/// </summary>
public sealed record SensitivityChanged(Guid ProblemId, bool Sensitive, Actor By, DateTimeOffset ChangedAt) : IProblemEvent
{
    public IReadOnlyList<Guid> Teams { get; init; } = [];

    DateTimeOffset IProblemEvent.At => ChangedAt;

    public bool Equals(SensitivityChanged? other) =>
        other is not null && (ProblemId, Sensitive, By, ChangedAt) == (other.ProblemId, other.Sensitive, other.By, other.ChangedAt)
        && Teams.SequenceEqual(other.Teams);

    public override int GetHashCode() => HashCode.Combine(ProblemId, Sensitive, By, ChangedAt, Teams.Count);
}

/// <summary>An update for residents, published on the area's community page, feed and month's text unless the problem is sensitive.</summary>
public sealed record PublicUpdateWritten(Guid ProblemId, string Text, Actor By, DateTimeOffset WrittenAt) : IProblemEvent
{
    DateTimeOffset IProblemEvent.At => WrittenAt;
}

public static class ProblemEvents
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(ProblemReported),
        typeof(ProblemDetailsRevised),
        typeof(ActionPlanned),
        typeof(ActionCompleted),
        typeof(ActionReopened),
        typeof(ActionCancelled),
        typeof(ActionReassigned),
        typeof(ActionRescheduled),
        typeof(NoteAdded),
        typeof(ExitCriterionAdded),
        typeof(ExitCriterionMet),
        typeof(ReviewRecorded),
        typeof(RecurrenceLogged),
        typeof(PhaseAdvanced),
        typeof(PhaseReverted),
        typeof(ProblemClosed),
        typeof(ProblemReopened),
        typeof(PhotoAdded),
        typeof(SensitivityChanged),
        typeof(PublicUpdateWritten),
    ];
}
