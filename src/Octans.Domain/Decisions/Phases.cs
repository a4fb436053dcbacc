namespace Octans.Domain;

/// <summary><paramref name="Override"/> is the reason to move on while actions or exit criteria remain.</summary>
public sealed record AdvancePhase(string? Override = null) : IProblemCommand;

public sealed record RevertPhase(string Reason) : IProblemCommand;

public static partial class ProblemDecisions
{
    /// <summary>
    /// Moves to the next phase once the current phase's actions are finished and its exit criteria met, or with an
    /// override reason. An override given when nothing blocks is not recorded: there was nothing to override.
    /// </summary>
    public static Decision Decide(Problem state, AdvancePhase command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.Phase.Next() is not { } next)
            return Decision.Refuse($"{state.Phase} is the last phase; close the problem when the work is done.");

        var input = new Input().Optional("override", command.Override, "override reason", TextLimits.LongText);
        if (!input.IsValid)
            return input.Refusal();

        var (open, unmet) = state.Remaining(state.Phase);
        var (openActions, unmetCriteria) = (open.Count, unmet.Count);
        var blocked = openActions + unmetCriteria > 0;
        var reason = command.Override.Tidy();
        if (blocked && reason is null)
        {
            var detail = $"{state.Phase} still has {Remaining(openActions, unmetCriteria)}. "
                + $"Finish {(openActions + unmetCriteria == 1 ? "it" : "them")}, or give a reason to override.";
            return Decision.Refuse(detail, "override", "Give a reason to move on with work still open.");
        }

        return Decision.Accept(new PhaseAdvanced(state.Id, state.Phase, next, blocked ? reason : null, by, now));
    }

    public static Decision Decide(Problem state, RevertPhase command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.Phase.Previous() is not { } previous)
            return Decision.Refuse($"{state.Phase} is the first phase; there is no earlier phase to go back to.");

        var input = new Input().Required("reason", command.Reason, "reason", TextLimits.LongText);
        return input.IsValid
            ? Decision.Accept(new PhaseReverted(state.Id, state.Phase, previous, command.Reason.Trim(), by, now))
            : input.Refusal();
    }

    private static string Remaining(int openActions, int unmetCriteria)
    {
        var parts = new List<string>();
        if (openActions > 0)
            parts.Add(openActions == 1 ? "1 open action" : $"{openActions} open actions");
        if (unmetCriteria > 0)
            parts.Add(unmetCriteria == 1 ? "1 unmet exit criterion" : $"{unmetCriteria} unmet exit criteria");
        return string.Join(" and ", parts);
    }
}
