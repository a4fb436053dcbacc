using System.Globalization;
using Octans.Domain;

namespace Octans.Api.Problems.Timeline;

/// <summary>
/// Writes each event of a problem as one line, naming actions and exit criteria by their words rather than their
/// ids. The history is read oldest first, so what an event refers to was always introduced by an earlier one.
/// </summary>
public static class TimelineLines
{
    public static IReadOnlyList<TimelineEntry> Of(IEnumerable<IProblemEvent> history, IReadOnlyDictionary<Guid, string> teamNames,
        IReadOnlyDictionary<Guid, string> references)
    {
        var actions = new Dictionary<Guid, ActionPlanned>();
        var criteria = new Dictionary<Guid, string>();
        var lines = new List<TimelineEntry>();
        var phase = Phase.Clear;
        string Team(Guid id) => teamNames.GetValueOrDefault(id, "an unknown team");
        string Action(Guid id) => actions.TryGetValue(id, out var planned) ? Quoted(planned.Description) : "an action";

        foreach (var change in history)
        {
            var summary = change switch
            {
                ProblemReported e => $"Reported {e.Reference} {Quoted(e.Title)} in {e.Area}: {e.Category}, risk {e.Risk}, at {e.Location.Description}",
                ProblemDetailsRevised e => Revised(e),
                ActionPlanned e => $"Planned {Quoted(e.Description)} for {Team(e.TeamId)}{Assignee(e.Assignee)}, due {Day(e.DueOn)}{(e.Phase == phase ? "" : $", for {e.Phase}")}",
                ActionCompleted e => $"Completed {Action(e.ActionId)}: {e.Note}",
                ActionReopened e => $"Reopened {Action(e.ActionId)}: {e.Reason}",
                ActionCancelled e => $"Cancelled {Action(e.ActionId)}: {e.Reason}",
                ActionReassigned e => $"Reassigned {Action(e.ActionId)} from {Team(actions.GetValueOrDefault(e.ActionId)?.TeamId ?? Guid.Empty)} to {Team(e.TeamId)}{Assignee(e.Assignee)}",
                ActionRescheduled e => $"Moved {Action(e.ActionId)} from {Day(actions.GetValueOrDefault(e.ActionId)?.DueOn)} to {Day(e.DueOn)}: {e.Reason}",
                NoteAdded e => $"Note: {e.Text}",
                ExitCriterionAdded e => $"Added the {e.Phase} exit criterion {Quoted(e.Text)}",
                ExitCriterionMet e => $"Met {(criteria.TryGetValue(e.CriterionId, out var text) ? $"the exit criterion {Quoted(text)}" : "an exit criterion")}: {e.Evidence}",
                ReviewRecorded e => $"Reviewed at the meeting on {Day(e.MeetingOn)}, rated {e.Rag}: {e.Decision}{(e.NextReviewOn is { } next ? $" (next review {Day(next)})" : "")}",
                RecurrenceLogged e => $"Seen again on {Day(e.ObservedOn)}: {e.Description}{(e.Source is { } source ? $" (reported by {source})" : "")}",
                PhaseAdvanced e => $"Advanced from {e.From} to {e.To}{(e.Override is { } reason ? $" (override: {reason})" : "")}",
                PhaseReverted e => $"Moved back from {e.From} to {e.To}: {e.Reason}",
                ProblemClosed e => $"Closed as {OutcomeWords(e.Outcome)}{Duplicate(e.DuplicateOf, references)}: {e.Note}",
                ProblemReopened e => $"Reopened the problem: {e.Reason}",
                _ => throw new ArgumentOutOfRangeException(nameof(history), change.GetType().Name, "This event has no line in the timeline yet."),
            };
            lines.Add(new TimelineEntry(change.At, change.By.Name, change.GetType().Name, summary));

            switch (change)
            {
                case ActionPlanned e: actions[e.ActionId] = e; break;
                case ActionReassigned e when actions.TryGetValue(e.ActionId, out var planned): actions[e.ActionId] = planned with { TeamId = e.TeamId }; break;
                case ActionRescheduled e when actions.TryGetValue(e.ActionId, out var planned): actions[e.ActionId] = planned with { DueOn = e.DueOn }; break;
                case ExitCriterionAdded e: criteria[e.CriterionId] = e.Text; break;
                case PhaseAdvanced e: phase = e.To; break;
                case PhaseReverted e: phase = e.To; break;
            }
        }
        return lines;
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

    private static string Day(DateOnly? day) => day?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "an earlier date";

    private static string Quoted(string text) => $"'{text}'";
}
