namespace Octans.Domain;

/// <summary>
/// Marks a problem sensitive, or no longer: a place that must never be published, such as where outreach meets
/// vulnerable people, seen only by coordinators, administrators and the partner <paramref name="Teams"/> named. A closed
/// problem may still be marked, since what was published about it stays published.
/// </summary>
public sealed record ChangeSensitivity(bool? Sensitive, IReadOnlyList<Guid>? Teams = null) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, ChangeSensitivity command, Actor by, DateTimeOffset now)
    {
        if (command.Sensitive is not { } sensitive)
            return Decision.Refuse("Say whether the problem is sensitive: true or false.", "sensitive");
        IReadOnlyList<Guid> teams = [.. (command.Teams ?? []).Distinct().Order()];
        if (!sensitive && teams.Count > 0)
            return Decision.Refuse("A problem that is not sensitive is seen by everyone: name teams only when marking it sensitive.", "teams");
        if (sensitive == state.Sensitive && teams.SequenceEqual(state.SensitiveTo.Order()))
            return Decision.Refuse(
                !sensitive ? $"{state.Reference} is already not sensitive."
                : teams.Count == 0 ? $"{state.Reference} is already marked sensitive."
                : $"{state.Reference} is already marked sensitive, with those teams named.",
                "sensitive");
        return Decision.Accept(new SensitivityChanged(state.Id, sensitive, by, now) { Teams = teams });
    }
}
