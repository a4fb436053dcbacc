namespace Octans.Domain;

/// <summary>
/// What Octans decides for each command: pure functions of the problem's state, the command, who asks and when.
/// Time is always passed in; "today" is the day in Europe/London.
/// </summary>
public static partial class ProblemDecisions
{
    private static Decision? RefuseIfClosed(Problem state) =>
        state.Status == ProblemStatus.Closed
            ? Decision.Refuse($"{state.Reference} is closed; reopen it before changing it.")
            : null;

    private static string Quoted(string text) => $"“{text}”";
}
