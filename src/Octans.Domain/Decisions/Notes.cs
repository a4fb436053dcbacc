namespace Octans.Domain;

public sealed record AddNote(string Text) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, AddNote command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;

        var input = new Input().Required("text", command.Text, "note", TextLimits.LongText);
        return input.IsValid
            ? Decision.Accept(new NoteAdded(state.Id, command.Text.Trim(), by, now))
            : input.Refusal();
    }
}
