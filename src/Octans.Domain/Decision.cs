using System.Diagnostics.CodeAnalysis;

namespace Octans.Domain;

/// <summary>
/// The answer to a command: either the events to append, or a refusal with a sentence a coordinator understands
/// and, for bad input, messages per field (camelCase body field names, nested as "location.latitude").
/// </summary>
public sealed class Decision
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private Decision(IReadOnlyList<IProblemEvent> events, string? detail, IReadOnlyDictionary<string, string[]> errors,
        bool isNotFound)
    {
        Events = events;
        Detail = detail;
        Errors = errors;
        IsNotFound = isNotFound;
    }

    public IReadOnlyList<IProblemEvent> Events { get; }

    public string? Detail { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    [MemberNotNullWhen(true, nameof(Detail))]
    public bool IsRefused => Detail is not null;

    /// <summary>Refused because the action or exit criterion named in the route does not exist (a 404, not a 400).</summary>
    public bool IsNotFound { get; }

    public static Decision Accept(params IProblemEvent[] events) =>
        events.Length == 0
            ? throw new ArgumentException("An accepted decision records at least one event; refuse instead.", nameof(events))
            : new Decision(events, null, NoErrors, false);

    public static Decision Refuse(string detail, string? field = null, string? message = null) =>
        new([], detail, field is null ? NoErrors : new Dictionary<string, string[]> { [field] = [message ?? detail] }, false);

    public static Decision Refuse(string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new([], detail, errors, false);

    public static Decision NotFound(string detail) => new([], detail, NoErrors, true);

    public override string ToString() =>
        IsRefused ? $"Refused: {Detail}" : $"Accepted: {string.Join(", ", Events.Select(e => e.GetType().Name))}";
}
