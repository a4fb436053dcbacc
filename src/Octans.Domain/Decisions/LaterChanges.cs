namespace Octans.Domain;

/// <summary>
/// Which changes made since a person loaded a page touch what their command depends on. A page's write that finds the
/// problem changed is decided again against the latest state when none of the later changes matter to it (a note never
/// blocks planning an action; a photo on another action never blocks completing this one), and shown to the person
/// when some do. The API keeps strict optimistic concurrency and does not use this.
/// </summary>
public static class LaterChanges
{
    /// <summary>The changes among <paramref name="since"/> that the command depends on, oldest first.</summary>
    public static IReadOnlyList<IProblemEvent> ThatMatter(IProblemCommand command, IEnumerable<IProblemEvent> since) =>
        [.. since.Where(later => Matters(command, later))];

    /// <summary>Whether <paramref name="later"/> changed something <paramref name="command"/> depends on.</summary>
    public static bool Matters(IProblemCommand command, IProblemEvent later) =>
        later is ProblemClosed or ProblemReopened || command switch
        {
            IActionCommand on => ActionOf(later) == on.ActionId,
            MeetExitCriterion on => CriterionOf(later) == on.CriterionId,
            AddExitCriterionPhoto on => CriterionOf(later) == on.CriterionId,
            PlanAction => later is PhaseAdvanced or PhaseReverted or ActionPlanned,
            AddExitCriterion => later is PhaseAdvanced or PhaseReverted or ExitCriterionAdded,
            AdvancePhase or CloseProblem => later is PhaseAdvanced or PhaseReverted
                || (later is not PhotoAdded && (ActionOf(later) is not null || CriterionOf(later) is not null)),
            RevertPhase => later is PhaseAdvanced or PhaseReverted,
            ReviseDetails => later is ProblemDetailsRevised,
            RecordReview => later is ReviewRecorded,
            LogRecurrence => later is RecurrenceLogged,
            AddNote => false,
            WritePublicUpdate => later is PublicUpdateWritten or SensitivityChanged,
            ChangeSensitivity => later is SensitivityChanged,
            ReopenProblem => false,
            _ => true,
        };

    /// <summary>What the change did, in the users' words, to follow the name of who did it: "completed the action 'Clear the alley'".</summary>
    public static string Said(IProblemEvent change, Problem latest)
    {
        string Action(Guid id) => latest.FindAction(id) is { } action ? $"the action '{action.Description}'" : "an action";
        string Criterion(Guid id) => latest.FindExitCriterion(id) is { } criterion ? $"the exit criterion '{criterion.Text}'" : "an exit criterion";
        return change switch
        {
            ProblemReported e => $"reported {e.Reference}",
            ProblemDetailsRevised => "changed the details",
            ActionPlanned e => $"planned the action '{e.Description}', due {London.Written(e.DueOn)}",
            ActionCompleted e => $"completed {Action(e.ActionId)}",
            ActionReopened e => $"reopened {Action(e.ActionId)}",
            ActionCancelled e => $"cancelled {Action(e.ActionId)}",
            ActionReassigned e => $"reassigned {Action(e.ActionId)}",
            ActionRescheduled e => $"moved the due date of {Action(e.ActionId)} to {London.Written(e.DueOn)}",
            NoteAdded => "added a note",
            ExitCriterionAdded e => $"added the {e.Phase} exit criterion '{e.Text}'",
            ExitCriterionMet e => $"marked {Criterion(e.CriterionId)} as met",
            ReviewRecorded e => $"recorded a review of the meeting on {London.Written(e.MeetingOn)}, confidence {e.Rag}",
            RecurrenceLogged e => $"logged a recurrence seen on {London.Written(e.ObservedOn)}",
            PhaseAdvanced e => $"moved {latest.Reference} from {e.From} to {e.To}",
            PhaseReverted e => $"moved {latest.Reference} back from {e.From} to {e.To}",
            ProblemClosed => $"closed {latest.Reference}",
            ProblemReopened => $"reopened {latest.Reference}",
            PhotoAdded e => $"added a photo to {(e.ActionId is { } action ? Action(action) : e.CriterionId is { } criterion ? Criterion(criterion) : "the problem")}",
            SensitivityChanged e => e.Sensitive ? $"marked {latest.Reference} sensitive" : $"marked {latest.Reference} no longer sensitive",
            PublicUpdateWritten => "wrote an update for residents",
            _ => "changed it",
        };
    }

    private static Guid? ActionOf(IProblemEvent change) => change switch
    {
        ActionPlanned e => e.ActionId,
        ActionCompleted e => e.ActionId,
        ActionReopened e => e.ActionId,
        ActionCancelled e => e.ActionId,
        ActionReassigned e => e.ActionId,
        ActionRescheduled e => e.ActionId,
        PhotoAdded e => e.ActionId,
        _ => null,
    };

    private static Guid? CriterionOf(IProblemEvent change) => change switch
    {
        ExitCriterionAdded e => e.CriterionId,
        ExitCriterionMet e => e.CriterionId,
        PhotoAdded e => e.CriterionId,
        _ => null,
    };
}
