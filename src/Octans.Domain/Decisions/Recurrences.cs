namespace Octans.Domain;

public sealed record LogRecurrence(DateOnly? ObservedOn, string Description, string? Source = null) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, LogRecurrence command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;

        var input = new Input()
            .Given("observedOn", command.ObservedOn, "Enter the date the problem was seen again.")
            .Check(command.ObservedOn is not { } observedOn || observedOn <= London.Today(now), "observedOn",
                "The date it was seen cannot be in the future.")
            .Day("observedOn", command.ObservedOn, "date it was seen", now)
            .Required("description", command.Description, "description", TextLimits.Description)
            .Optional("source", command.Source, "source", TextLimits.Source);
        return input.IsValid
            ? Decision.Accept(new RecurrenceLogged(
                state.Id, command.ObservedOn!.Value, command.Description.Trim(), command.Source.Tidy(), by, now))
            : input.Refusal();
    }
}
