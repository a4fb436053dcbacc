namespace Octans.Benchmarks;

/// <summary>
/// One measurement of the table, chosen on the command line by its <see cref="Name"/>. Program finds every class that
/// implements this, so a new measurement is one new file: the monthly pack slots in as a class whose Name is "pack".
/// </summary>
public interface IMeasurement
{
    /// <summary>The word that selects it: writes, reads, rebuild, coldstart, pack.</summary>
    string Name { get; }

    /// <summary>Where it runs in <c>all</c>: lower first.</summary>
    int Order { get; }

    string Description { get; }

    Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation);
}

public enum Unit { Milliseconds, Seconds, PerSecond, Megabytes, Kilobytes, Count }

/// <summary>
/// A figure beside its floor, measured in the same run, and the target it answers to. <see cref="Met"/> is null for
/// figures that only explain others.
/// </summary>
public sealed record Figure(string Measure, double Value, Unit Unit, double? Floor = null, string? FloorIs = null, string Target = "",
    bool? Met = null, string? Note = null)
{
    /// <summary>Value over floor: for times, how many times slower than the floor; for rates, the share of the floor's rate.</summary>
    public double? Ratio => Floor is > 0 ? Value / Floor : null;

    public static string Format(double value, Unit unit) => unit switch
    {
        Unit.Milliseconds => value < 10 ? $"{value:0.00} ms" : $"{value:0.0} ms",
        Unit.Seconds => $"{value:0.00} s",
        Unit.PerSecond => $"{value:#,0}/s",
        Unit.Megabytes => $"{value:0} MB",
        Unit.Kilobytes => $"{value:0.0} KB",
        _ => $"{value:#,0}",
    };
}
