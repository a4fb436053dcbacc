namespace Octans.Domain;

/// <summary><paramref name="Place"/>: where it was seen, when known, such as the pin of a report from the public.</summary>
public sealed record LogRecurrence(DateOnly? ObservedOn, string Description, string? Source = null, Location? Place = null) : IProblemCommand;

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
        if (command.Place is not null) input.Location("place", command.Place);
        return input.IsValid
            ? Decision.Accept(new RecurrenceLogged(
                state.Id, command.ObservedOn!.Value, command.Description.Trim(), command.Source.Tidy(), by, now, command.Place?.Tidy()))
            : input.Refusal();
    }
}
