namespace Octans.Domain;

/// <summary>
/// Marks a problem sensitive, or no longer: a place that must never be published, such as where outreach meets
/// vulnerable people. A closed problem may still be marked, since what was published about it stays published.
/// </summary>
public sealed record ChangeSensitivity(bool? Sensitive) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, ChangeSensitivity command, Actor by, DateTimeOffset now)
    {
        if (command.Sensitive is not { } sensitive)
            return Decision.Refuse("Say whether the problem is sensitive: true or false.", "sensitive");
        if (sensitive == state.Sensitive)
            return Decision.Refuse(
                sensitive ? $"{state.Reference} is already marked sensitive." : $"{state.Reference} is already not sensitive.", "sensitive");
        return Decision.Accept(new SensitivityChanged(state.Id, sensitive, by, now));
    }
}
