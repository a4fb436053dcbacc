namespace Octans.Domain;

/// <summary><paramref name="Override"/> is the reason to move on while actions or exit criteria remain, or when the phase has none.</summary>
public sealed record AdvancePhase(string? Override = null) : IProblemCommand;

public sealed record RevertPhase(string Reason) : IProblemCommand;

public static partial class ProblemDecisions
{
    /// <summary>
    /// Moves to the next phase once the current phase's actions are finished and its exit criteria met, or with an
    /// override reason. A phase needs at least one exit criterion: with none, nothing says it is done, so moving on takes
    /// a reason too. An override given when nothing blocks is not recorded: there was nothing to override.
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
        var noCriteria = !state.HasExitCriteria(state.Phase);
        var blocked = open.Count + unmet.Count > 0 || noCriteria;
        var reason = command.Override.Tidy();
        if (blocked && reason is null)
            return Decision.Refuse(Blocking(state.Phase, next, open.Count, unmet.Count, noCriteria), "override",
                noCriteria && open.Count == 0
                    ? $"Add an exit criterion for {state.Phase}, or give a reason to move on without one."
                    : "Give a reason to move on with work still open.");

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

    private static string Blocking(Phase phase, Phase next, int openActions, int unmetCriteria, bool noCriteria)
    {
        if (noCriteria)
        {
            var work = openActions == 0 ? "" : $"still has {Remaining(openActions, 0)} and ";
            return $"{phase} {work}has no exit criteria, so nothing says it is done. "
                + $"Add an exit criterion for {phase}, or give a reason to move on to {next} without one.";
        }
        return $"{phase} still has {Remaining(openActions, unmetCriteria)}. "
            + $"Finish {(openActions + unmetCriteria == 1 ? "it" : "them")}, or give a reason to override.";
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
