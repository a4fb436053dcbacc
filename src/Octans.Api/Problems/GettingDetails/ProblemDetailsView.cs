using Octans.Domain;

namespace Octans.Api.Problems.GettingDetails;

public sealed record ExitCriterionView(Guid Id, Phase Phase, string Text, bool Met, DateTimeOffset? MetAt, string? Evidence, string? MetBy);

public sealed record ActionView(
    Guid Id, Phase Phase, string Description, Guid TeamId, string TeamName, string? Assignee, DateOnly DueOn,
    ActionStatus Status, bool Overdue, DateTimeOffset? CompletedAt, string? CompletedBy, string? Note, string? CancelledReason);

public sealed record NoteView(DateTimeOffset At, string By, string Text);

public sealed record ReviewView(DateOnly MeetingOn, Rag Rag, string Decision, DateOnly? NextReviewOn, string By);

public sealed record PhaseEntryView(Phase Phase, DateTimeOffset EnteredAt, string By, string? Reason, bool Override);

public sealed record RecurrenceView(DateOnly ObservedOn, string Description, string? Source, string By, DateTimeOffset LoggedAt);

/// <summary>Everything the problem page shows, with "today" taken in Europe/London for the overdue flags.</summary>
public sealed record ProblemDetailsView(
    Guid Id, string Reference, string Title, string Category, string Area, Phase Phase, ProblemStatus Status, Rag? Rag, Risk Risk,
    int OpenActions, int OverdueActions, DateTimeOffset UpdatedAt, int Version,
    string Statement, Location Location, Outcome? Outcome, string? ClosingNote, Guid? DuplicateOf,
    DateTimeOffset ReportedAt, string ReportedBy, bool RecurredSinceLastReview, DateOnly? NextReviewOn,
    IReadOnlyList<ExitCriterionView> ExitCriteria, IReadOnlyList<ActionView> Actions, IReadOnlyList<NoteView> Notes,
    IReadOnlyList<ReviewView> Reviews, IReadOnlyList<PhaseEntryView> PhaseHistory, IReadOnlyList<RecurrenceView> Recurrences)
{
    public static ProblemDetailsView Of(Problem problem, IReadOnlyDictionary<Guid, string> teamNames, DateOnly today) => new(
        problem.Id, problem.Reference, problem.Title, problem.Category, problem.Area, problem.Phase, problem.Status, problem.Rag, problem.Risk,
        problem.OpenActions, problem.OverdueActions(today), problem.UpdatedAt, problem.Version,
        problem.Statement, problem.Location, problem.Outcome, problem.ClosingNote, problem.DuplicateOf,
        problem.ReportedAt, problem.ReportedBy.Name, problem.RecurredSinceLastReview, problem.NextReviewOn,
        problem.ExitCriteria.Select(c => new ExitCriterionView(c.Id, c.Phase, c.Text, c.Met, c.MetAt, c.Evidence, c.MetBy?.Name)).ToList(),
        problem.Actions
            .Select(a => new ActionView(a.Id, a.Phase, a.Description, a.TeamId, teamNames.GetValueOrDefault(a.TeamId, "Unknown team"), a.Assignee,
                a.DueOn, a.Status, Problem.IsOverdue(a, today), a.CompletedAt, a.CompletedBy?.Name, a.Note, a.CancelledReason))
            .ToList(),
        problem.Notes.Select(n => new NoteView(n.At, n.By.Name, n.Text)).ToList(),
        problem.Reviews.Select(r => new ReviewView(r.MeetingOn, r.Rag, r.Decision, r.NextReviewOn, r.By.Name)).ToList(),
        problem.PhaseHistory.Select(p => new PhaseEntryView(p.Phase, p.EnteredAt, p.By.Name, p.Reason, p.Override)).ToList(),
        problem.Recurrences.Select(r => new RecurrenceView(r.ObservedOn, r.Description, r.Source, r.By.Name, r.LoggedAt)).ToList());
}
