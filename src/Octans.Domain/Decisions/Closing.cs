namespace Octans.Domain;

/// <summary><paramref name="DuplicateOf"/> names the problem this one duplicates, and only with Outcome Duplicate.</summary>
public sealed record CloseProblem(Outcome? Outcome, string Note, Guid? DuplicateOf = null) : IProblemCommand;

public sealed record ReopenProblem(string Reason) : IProblemCommand;

public static partial class ProblemDecisions
{
    /// <summary>
    /// Closes the problem. Its open actions are cancelled in the same decision, so no team is left with a task it
    /// can no longer complete.
    /// </summary>
    public static Decision Decide(Problem state, CloseProblem command, Actor by, DateTimeOffset now)
    {
        if (state.Status == ProblemStatus.Closed)
            return Decision.Refuse($"{state.Reference} is closed already.");

        var input = new Input()
            .Given("outcome", command.Outcome, "Choose the outcome.")
            .Required("note", command.Note, "note", TextLimits.LongText);
        if (command.Outcome == Outcome.Duplicate)
            input
                .Check(command.DuplicateOf is not null, "duplicateOf", "Choose the problem this one duplicates.")
                .Check(command.DuplicateOf != state.Id, "duplicateOf", "A problem cannot duplicate itself.");
        else
            input.Check(command.DuplicateOf is null, "duplicateOf",
                "Only a duplicate names the problem it duplicates; choose the outcome Duplicate or remove it.");
        if (!input.IsValid)
            return input.Refusal();

        var cancellations = state.Actions
            .Where(a => a.Status == ActionStatus.Open)
            .Select(a => new ActionCancelled(state.Id, a.Id, $"{state.Reference} was closed.", by, now));
        IProblemEvent closing = new ProblemClosed(
            state.Id, command.Outcome!.Value, command.Note.Trim(), command.DuplicateOf, by, now);
        return Decision.Accept([.. cancellations, closing]);
    }

    public static Decision Decide(Problem state, ReopenProblem command, Actor by, DateTimeOffset now)
    {
        if (state.Status == ProblemStatus.Open)
            return Decision.Refuse($"{state.Reference} is open already.");

        var input = new Input().Required("reason", command.Reason, "reason", TextLimits.LongText);
        return input.IsValid
            ? Decision.Accept(new ProblemReopened(state.Id, command.Reason.Trim(), by, now))
            : input.Refusal();
    }
}
