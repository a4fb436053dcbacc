namespace Octans.Benchmarks.Chaos;

/// <summary>One line of docs/reliability.md: what was seen, what Octans promises, and whether the promise held.</summary>
public sealed record Finding(string Measure, string Seen, string Promise = "", bool? Holds = null)
{
    public static Finding Exactly(string measure, int seen, int promised) => new(measure, $"{seen:#,0}", $"{promised:#,0}", seen == promised);

    public static Finding Count(string measure, int seen) => new(measure, $"{seen:#,0}");

    public static Finding Seconds(string measure, double? seen, double? atMost = null) =>
        new(measure, seen is { } s ? $"{s:0.00} s" : "never", atMost is { } limit ? $"≤ {limit:0.#} s" : "",
            atMost is null ? null : seen is { } value && value <= atMost);
}

/// <summary>A fault put to Octans on purpose, and what it showed.</summary>
public interface IScenario
{
    string Name { get; }
    string Title { get; }
    string Description { get; }
    Task<IReadOnlyList<Finding>> RunAsync(ChaosContext context, CancellationToken cancellation);
}
