namespace Octans.Domain;

/// <summary>The caller gives the criterion its id. Phase defaults to the problem's current phase.</summary>
public sealed record AddExitCriterion(Guid CriterionId, Phase? Phase, string Text) : IProblemCommand;

public sealed record MeetExitCriterion(Guid CriterionId, string Evidence) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, AddExitCriterion command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;

        var phase = command.Phase ?? state.Phase;
        var input = new Input()
            .Required("text", command.Text, "exit criterion", TextLimits.LongText)
            .Check(phase >= state.Phase, "phase",
                $"{state.Reference} is in {state.Phase}; add exit criteria for {state.Phase} or a later phase.");
        return input.IsValid
            ? Decision.Accept(new ExitCriterionAdded(state.Id, command.CriterionId, phase, command.Text.Trim(), by, now))
            : input.Refusal();
    }

    public static Decision Decide(Problem state, MeetExitCriterion command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindExitCriterion(command.CriterionId) is not { } criterion)
            return Decision.NotFound($"{state.Reference} has no such exit criterion.");
        if (criterion.Met)
            return Decision.Refuse($"The exit criterion {Quoted(criterion.Text)} is met already.");

        var input = new Input().Required("evidence", command.Evidence, "evidence", TextLimits.LongText);
        return input.IsValid
            ? Decision.Accept(new ExitCriterionMet(state.Id, criterion.Id, command.Evidence.Trim(), by, now))
            : input.Refusal();
    }
}
