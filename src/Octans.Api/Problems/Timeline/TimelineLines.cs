using System.Globalization;
using Octans.Domain;

namespace Octans.Api.Problems.Timeline;

/// <summary>
/// What a page of the timeline needs besides its events, read with them: what each action and exit criterion is called,
/// the phase before each event, what a reassignment or a new due date moved an action from, and the names of teams and
/// of problems a closing names as duplicated.
/// </summary>
public sealed record TimelineContext(
    IReadOnlyDictionary<Guid, string> Actions, IReadOnlyDictionary<Guid, string> Criteria, IReadOnlyList<(int Version, Phase Phase)> Phases,
    IReadOnlyDictionary<int, (Guid? TeamBefore, DateOnly? DueBefore)> Moves, IReadOnlyDictionary<Guid, string> TeamNames,
    IReadOnlyDictionary<Guid, string> References)
{
    /// <summary>The phase the problem was in just before the event of this version.</summary>
    public Phase PhaseBefore(int version) => Phases.LastOrDefault(p => p.Version < version) is { Version: > 0 } entered ? entered.Phase : Phase.Clear;
}

/// <summary>Writes each event of a problem as one line, naming actions and exit criteria by their words rather than their ids.</summary>
public static class TimelineLines
{
    public static IReadOnlyList<TimelineEntry> Of(IEnumerable<StoredEvent> history, TimelineContext context)
    {
        string Team(Guid? id) => id is { } team ? context.TeamNames.GetValueOrDefault(team, "an unknown team") : "an unknown team";
        string Action(Guid id) => context.Actions.TryGetValue(id, out var description) ? Quoted(description) : "an action";
        (Guid? TeamBefore, DateOnly? DueBefore) Moved(int version) => context.Moves.GetValueOrDefault(version);

        return history.Select(stored =>
        {
            var summary = stored.Change switch
            {
                ProblemReported e => $"Reported {e.Reference} {Quoted(e.Title)} in {e.Area}: {e.Category}, risk {e.Risk}, at {e.Location.Description}",
                ProblemDetailsRevised e => Revised(e),
                ActionPlanned e => $"Planned {Quoted(e.Description)} for {Team(e.TeamId)}{Assignee(e.Assignee)}, due {Day(e.DueOn)}{(e.Phase == context.PhaseBefore(stored.Version) ? "" : $", for {e.Phase}")}",
                ActionCompleted e => $"Completed {Action(e.ActionId)}: {e.Note}",
                ActionReopened e => $"Reopened {Action(e.ActionId)}: {e.Reason}",
                ActionCancelled e => $"Cancelled {Action(e.ActionId)}: {e.Reason}",
                ActionReassigned e => $"Reassigned {Action(e.ActionId)} from {Team(Moved(stored.Version).TeamBefore)} to {Team(e.TeamId)}{Assignee(e.Assignee)}",
                ActionRescheduled e => $"Moved {Action(e.ActionId)} from {Day(Moved(stored.Version).DueBefore)} to {Day(e.DueOn)}: {e.Reason}",
                NoteAdded e => $"Note: {e.Text}",
                ExitCriterionAdded e => $"Added the {e.Phase} exit criterion {Quoted(e.Text)}",
                ExitCriterionMet e => $"Met {(context.Criteria.TryGetValue(e.CriterionId, out var text) ? $"the exit criterion {Quoted(text)}" : "an exit criterion")}: {e.Evidence}",
                ReviewRecorded e => $"Reviewed at the meeting on {Day(e.MeetingOn)}, rated {e.Rag}: {e.Decision}{(e.NextReviewOn is { } next ? $" (next review {Day(next)})" : "")}",
                RecurrenceLogged e => $"Seen again on {Day(e.ObservedOn)}: {e.Description}{(e.Source is { } source ? $" (reported by {source})" : "")}",
                PhaseAdvanced e => $"Advanced from {e.From} to {e.To}{(e.Override is { } reason ? $" (override: {reason})" : "")}",
                PhaseReverted e => $"Moved back from {e.From} to {e.To}: {e.Reason}",
                ProblemClosed e => $"Closed as {OutcomeWords(e.Outcome)}{Duplicate(e.DuplicateOf, context.References)}: {e.Note}",
                ProblemReopened e => $"Reopened the problem: {e.Reason}",
                PhotoAdded e => $"Added a photo {(e.When == BeforeOrAfter.Before ? "from before" : "from after")} the work to " +
                    (e.ActionId is { } action ? Action(action)
                        : e.CriterionId is { } criterion && context.Criteria.TryGetValue(criterion, out var of) ? $"the exit criterion {Quoted(of)}" : "an exit criterion"),
                SensitivityChanged e => !e.Sensitive ? "No longer marked sensitive"
                    : e.Teams.Count == 0 ? "Marked sensitive: never published"
                    : $"Marked sensitive: never published, seen by {string.Join(", ", e.Teams.Select(t => Team(t)))}",
                PublicUpdateWritten e => $"Public update: {e.Text}",
                var other => throw new ArgumentOutOfRangeException(nameof(history), other.GetType().Name, "This event has no line in the timeline yet."),
            };
            return new TimelineEntry(stored.Change.At, stored.Change.By.Name, stored.Change.GetType().Name, summary, stored.Version);
        }).ToList();
    }

    public static string OutcomeWords(Outcome outcome) => outcome switch
    {
        Outcome.Resolved => "Resolved",
        Outcome.ReducedAndManaged => "Reduced and managed",
        Outcome.HandedOver => "Handed over",
        Outcome.NoFurtherAction => "No further action",
        Outcome.Duplicate => "Duplicate",
        _ => outcome.ToString(),
    };

    private static string Revised(ProblemDetailsRevised e)
    {
        var changes = new List<string>();
        if (e.Title is { } title) changes.Add($"the title to {Quoted(title)}");
        if (e.Statement is not null) changes.Add("the statement");
        if (e.Category is { } category) changes.Add($"the category to {category}");
        if (e.Risk is { } risk) changes.Add($"the risk to {risk}");
        if (e.Location is { } location) changes.Add($"the location to {location.Description}");
        return "Changed " + (changes.Count <= 1
            ? changes.SingleOrDefault() ?? "the details"
            : string.Join(", ", changes[..^1]) + " and " + changes[^1]);
    }

    private static string Duplicate(Guid? duplicateOf, IReadOnlyDictionary<Guid, string> references) =>
        duplicateOf is { } id ? $" of {references.GetValueOrDefault(id, "another problem")}" : "";

    private static string Assignee(string? assignee) => assignee is null ? "" : $" ({assignee})";

    private static string Day(DateOnly? day) => day is { } known ? London.Written(known) : "an earlier date";

    private static string Quoted(string text) => $"'{text}'";
}
