using Marten;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Octans.Api.Setup;

namespace Octans.Api.Observing;

/// <summary>
/// Traces and metrics with OpenTelemetry, from ASP.NET Core, outgoing HTTP (Notify), Npgsql, Marten, Wolverine, the
/// runtime and Octans' own measures (<see cref="OctansMeasures"/>, <see cref="WorkWaiting"/>). The metrics are always
/// kept, for Prometheus to scrape at <c>/metrics</c>; traces, and the metrics and logs too, are sent over OTLP only when
/// <see cref="OtlpSetting"/> names a collector, so a node without one creates no spans.
/// </summary>
public static class OctansObserving
{
    /// <summary>OpenTelemetry's own setting, read from the environment as every OpenTelemetry SDK does.</summary>
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string MetricsPath = "/metrics";

    public static void AddOctansObserving(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<WorkWaiting>();
        // Octans' meters are enabled through the host's metrics rules rather than AddMeter, so the SDK takes the gauges
        // only from this host's IMeterFactory (WorkWaiting), as Microsoft.Extensions.Diagnostics scopes them.
        services.AddMetrics(metrics => metrics.EnableMetrics(OctansMeasures.Name));
        services.ConfigureMarten((provider, marten) =>
        {
            marten.Logger(new MartenCommands(provider.GetRequiredService<ILogger<MartenCommands>>()));
            marten.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
            marten.OpenTelemetry.TrackEventCounters();
        });

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("octans"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "Marten", "Wolverine*")
                .AddView(PrometheusNames.Fit)
                // The exporter is a pre-release, the only Prometheus exporter for OpenTelemetry .NET: it reads the SDK's
                // own aggregation, where a hand-written one would repeat it, and promtool accepts what it writes
                // (MetricsTests). Each scrape collects afresh: the counts read from the database are kept by WorkWaiting,
                // and the rest is already in memory.
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpSetting])) return;
        telemetry
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource("Npgsql", "Marten", "Wolverine"))
            .UseOtlpExporter();
    }

    /// <summary>Serves the metrics at <see cref="MetricsPath"/> to those <see cref="MetricsAccess"/> lets in.</summary>
    public static void MapOctansMetrics(this WebApplication app)
    {
        var scrapers = OctansTransport.Networks(app.Configuration, MetricsAccess.ScrapersSetting);
        app.Services.GetRequiredService<WorkWaiting>();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null,
                configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccess>(scrapers), optionsName: null)
            .AllowAnonymous();
    }
}
