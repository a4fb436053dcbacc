using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Octans.Benchmarks;

/// <summary>
/// Reads at national scale, one client at a time so each figure is a latency and not a queue: the problem list under
/// the filters coordinators use, the radius search, a problem's page, a team's task list and the dashboard, beside a primary-key read of
/// one problem document over Npgsql and an empty HTTP round trip to the same app.
/// </summary>
public sealed class ReadsBenchmark : IMeasurement
{
    public string Name => "reads";
    public int Order => 30;
    public string Description => "reads over HTTP on 10,000 problems and about 1,000,000 events";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var national = await context.NationalAsync(cancellation);
        await using var server = await OctansServer.StartReadyAsync(context, national.Database.ConnectionString, cancellation);
        using var http = OctansClient.Pool(server.Address);
        var coordinator = await OctansClient.SignInAsync(http, OctansClient.Coordinator, cancellation);
        var samples = context.Settings.ReadSamples;
        var random = new Random(42);

        string AnyArea() => national.Areas[random.Next(national.Areas.Count)].Name;
        Guid AnyProblem() => national.ProblemIds[random.Next(national.ProblemIds.Count)];
        var listFilters = new Func<string>[]
        {
            () => $"/api/problems?area={AnyArea()}&page={random.Next(1, 4)}&pageSize=50",
            () => $"/api/problems?area={AnyArea()}&phase=Hold",
            () => $"/api/problems?area={AnyArea()}&overdue=true",
            () =>
            {
                var area = national.Areas[random.Next(national.Areas.Count)];
                return $"/api/problems?area={area.Name}&teamId={area.Teams[random.Next(area.Teams.Count)].Id}";
            },
            () => $"/api/problems?phase=Clear&page={random.Next(1, 6)}",
        };
        var endpoints = new (string Measure, Func<string> Url)[]
        {
            ("Problem list, filtered and paged", () => listFilters[random.Next(listFilters.Length)]()),
            ("Problem details", () => $"/api/problems/{AnyProblem()}"),
            ("Team task list (open)", () =>
            {
                var area = national.Areas[random.Next(national.Areas.Count)];
                return $"/api/teams/{area.Teams[random.Next(area.Teams.Count)].Id}/actions";
            }),
            ("Dashboard, one area", () => $"/api/dashboard?area={AnyArea()}"),
            ("Dashboard, all areas", () => "/api/dashboard"),
            ("Problem list, text search", () => $"/api/problems?q={Uri.EscapeDataString("Wenlock")}&area={AnyArea()}"),
            // Every problem of the dataset is pinned in one box of about 2 by 1.5 km (ProblemHistories), so a circle of 150 m
            // holds a few hundred of them: denser than any real partnership.
            ("Problem list, radius search (150 m)", () => FormattableString.Invariant(
                $"/api/problems?near={51.88 + random.NextDouble() / 50:0.000000},{-0.41 - random.NextDouble() / 50:0.000000}&within=150")),
        };

        foreach (var (_, url) in endpoints)
            for (var i = 0; i < 20; i++) await TimeAsync(coordinator, url(), cancellation);

        var pointRead = await PointReadFloorAsync(national, samples, cancellation);
        var empty = new Latencies();
        var emptyTimes = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var answer = await http.GetAsync("/health/live", cancellation);
            emptyTimes.Add(Latencies.Milliseconds(started));
        }
        empty.Add(emptyTimes);
        context.Say($"reads: floor: primary-key read p50 {pointRead.Percentile(50):0.00} ms; /health/live p50 {empty.Percentile(50):0.00} ms");

        var figures = new List<Figure>
        {
            new("Empty HTTP request (/health/live), p50", empty.Percentile(50), Unit.Milliseconds, Note: "what the HTTP round trip alone costs"),
        };
        foreach (var (measure, url) in endpoints)
        {
            var times = new List<double>(samples);
            for (var i = 0; i < samples; i++) times.Add(await TimeAsync(coordinator, url(), cancellation));
            var latencies = new Latencies();
            latencies.Add(times);
            context.Say($"reads: {measure}: p50 {latencies.Percentile(50):0.00} ms, p95 {latencies.Percentile(95):0.00} ms, max {latencies.Percentile(100):0.0} ms");
            figures.Add(new Figure($"{measure}, p50", latencies.Percentile(50), Unit.Milliseconds, pointRead.Percentile(50), "PK read"));
            // Text search is measured for what it costs, but it is not one of the four reads the issue sets the target for.
            // The radius search's target is 10 ms, the other reads' 20 ms.
            var targeted = !measure.Contains("text search", StringComparison.Ordinal);
            var target = measure.Contains("radius", StringComparison.Ordinal) ? 10 : 20;
            figures.Add(new Figure($"{measure}, p95", latencies.Percentile(95), Unit.Milliseconds, pointRead.Percentile(95), "PK read",
                targeted ? $"< {target} ms" : "", targeted ? latencies.Percentile(95) < target : null,
                targeted ? null : "no index serves it: every row of the area is read"));
        }
        return figures;
    }

    private static async Task<double> TimeAsync(OctansClient client, string url, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var status = await client.GetBytesAsync(url, cancellation);
        var took = Latencies.Milliseconds(started);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)status}");
        return took;
    }

    /// <summary>The least a read can cost: one problem document by its primary key, over a pooled Npgsql connection.</summary>
    private static async Task<Latencies> PointReadFloorAsync(NationalDataset national, int samples, CancellationToken cancellation)
    {
        await using var source = NpgsqlDataSource.Create(national.Database.ConnectionString);
        var random = new Random(7);
        var times = new List<double>(samples);
        for (var i = 0; i < samples + 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var connection = await source.OpenConnectionAsync(cancellation))
            {
                await using var read = new NpgsqlCommand("select data from octans.mt_doc_problem where id = @id", connection);
                read.Parameters.AddWithValue("id", national.ProblemIds[random.Next(national.ProblemIds.Count)]);
                await using var reader = await read.ExecuteReaderAsync(cancellation);
                while (await reader.ReadAsync(cancellation)) reader.GetString(0);
            }
            if (i >= 20) times.Add(Latencies.Milliseconds(started));
        }
        var latencies = new Latencies();
        latencies.Add(times);
        return latencies;
    }
}
