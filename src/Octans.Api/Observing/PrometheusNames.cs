using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Octans.Api.Observing;

/// <summary>
/// What Prometheus' own checks (<c>promtool check metrics</c>) ask of the measures Octans' parts make: a help text for
/// each, and no <c>_count</c> at the end of a name that is not a histogram's, where Prometheus keeps its own series.
/// The runtime names its gauges of how many assemblies, processors, threads and timers there are that way.
/// </summary>
public static class PrometheusNames
{
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["dotnet.assembly.count"] = "dotnet.assemblies.loaded",
        ["dotnet.process.cpu.count"] = "dotnet.process.processors",
        ["dotnet.thread_pool.thread.count"] = "dotnet.thread_pool.threads",
        ["dotnet.timer.count"] = "dotnet.timers.active",
    };

    public static MetricStreamConfiguration? Fit(Instrument instrument)
    {
        var name = Renamed.GetValueOrDefault(instrument.Name);
        var description = string.IsNullOrWhiteSpace(instrument.Description) ? $"{instrument.Name}, as {instrument.Meter.Name} measures it." : null;
        return name is null && description is null ? null : new MetricStreamConfiguration { Name = name, Description = description };
    }
}
