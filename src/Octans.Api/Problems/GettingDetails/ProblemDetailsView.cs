using Octans.Domain;

namespace Octans.Api.Problems.GettingDetails;

public sealed record ExitCriterionView(Guid Id, Phase Phase, string Text, bool Met, DateTimeOffset? MetAt, string? Evidence, string? MetBy)
{
    public IReadOnlyList<PhotoLink> Photos { get; init; } = [];
}

/// <summary>A photo of an action or exit criterion; <see cref="Url"/> answers its JPEG, with ?size=thumb, page or full.</summary>
public sealed record PhotoLink(Guid Id, BeforeOrAfter When, DateTimeOffset AddedAt, string Url);

public sealed record ActionView(
    Guid Id, Phase Phase, string Description, Guid TeamId, string TeamName, string? Assignee, DateOnly DueOn,
    ActionStatus Status, bool Overdue, DateTimeOffset? CompletedAt, string? CompletedBy, string? Note, string? CancelledReason)
{
    public IReadOnlyList<PhotoLink> Photos { get; init; } = [];
}

/// <summary>A note; <see cref="Version"/> is the problem's version when it was added, to page back from.</summary>
public sealed record NoteView(DateTimeOffset At, string By, string Text, int Version);

public sealed record ReviewView(DateOnly MeetingOn, Rag Rag, string Decision, DateOnly? NextReviewOn, string By);

public sealed record PhaseEntryView(Phase Phase, DateTimeOffset EnteredAt, string By, string? Reason, bool Override);

public sealed record RecurrenceView(DateOnly ObservedOn, string Description, string? Source, string By, DateTimeOffset LoggedAt);

/// <summary>
/// Everything the problem page shows, with "today" taken in Europe/London for the overdue flags. <see cref="Notes"/> are
/// the latest notes, oldest first, of <see cref="NotesTotal"/>; <see cref="EarlierNotes"/> is where the ones before them
/// are, when there are any.
/// </summary>
public sealed record ProblemDetailsView(
    Guid Id, string Reference, string Title, string Category, string Area, Phase Phase, ProblemStatus Status, Rag? Rag, Risk Risk,
    int OpenActions, int OverdueActions, DateTimeOffset UpdatedAt, int Version,
    string Statement, Location Location, Outcome? Outcome, string? ClosingNote, Guid? DuplicateOf,
    DateTimeOffset ReportedAt, string ReportedBy, HoldDecay? HoldDecay, DateOnly? NextReviewOn,
    IReadOnlyList<ExitCriterionView> ExitCriteria, IReadOnlyList<ActionView> Actions, IReadOnlyList<NoteView> Notes,
    IReadOnlyList<ReviewView> Reviews, IReadOnlyList<PhaseEntryView> PhaseHistory, IReadOnlyList<RecurrenceView> Recurrences,
    int NotesTotal, string? EarlierNotes)
{
    /// <summary>Marked sensitive itself or in a sensitive category: never published.</summary>
    public bool Sensitive { get; init; }

    /// <summary>
    /// The partner teams named on the problem itself while it is marked sensitive, who may see it besides coordinators and
    /// administrators (a sensitive category names its own).
    /// </summary>
    public IReadOnlyList<Guid> SensitiveTeams { get; init; } = [];

    /// <summary>The updates for residents, newest first; published unless <see cref="Sensitive"/>.</summary>
    public IReadOnlyList<PublicUpdates.PublicUpdateView> PublicUpdates { get; init; } = [];
}
