namespace Octans.Domain;

/// <summary>A change to a problem that already exists: every command but the report.</summary>
public interface IProblemCommand;

/// <summary>A change to one of a problem's actions.</summary>
public interface IActionCommand : IProblemCommand
{
    Guid ActionId { get; }
}

public static partial class ProblemDecisions
{
    /// <summary>Decides any change to an existing problem, by the rule for its kind.</summary>
    public static Decision Decide(Problem state, IProblemCommand command, Actor by, DateTimeOffset now) => command switch
    {
        ReviseDetails c => Decide(state, c, by, now),
        PlanAction c => Decide(state, c, by, now),
        CompleteAction c => Decide(state, c, by, now),
        ReopenAction c => Decide(state, c, by, now),
        CancelAction c => Decide(state, c, by, now),
        ReassignAction c => Decide(state, c, by, now),
        RescheduleAction c => Decide(state, c, by, now),
        AddNote c => Decide(state, c, by, now),
        AddExitCriterion c => Decide(state, c, by, now),
        MeetExitCriterion c => Decide(state, c, by, now),
        RecordReview c => Decide(state, c, by, now),
        LogRecurrence c => Decide(state, c, by, now),
        AdvancePhase c => Decide(state, c, by, now),
        RevertPhase c => Decide(state, c, by, now),
        CloseProblem c => Decide(state, c, by, now),
        ReopenProblem c => Decide(state, c, by, now),
        AddActionPhoto c => Decide(state, c, by, now),
        AddExitCriterionPhoto c => Decide(state, c, by, now),
        ChangeSensitivity c => Decide(state, c, by, now),
        WritePublicUpdate c => Decide(state, c, by, now),
        _ => throw new ArgumentException($"{command.GetType().Name} has no rule yet; add its Decide to ProblemDecisions.", nameof(command)),
    };
}
