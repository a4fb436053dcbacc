using System.Diagnostics;
using System.Net;

namespace Octans.Benchmarks;

/// <summary>
/// Whether a problem's age costs anything: notes added to a problem with 50 events and to one with 2,000, taken in turn
/// in the same run, and the problem's details of the 2,000-event one (its size and p95), all over HTTP as a client
/// sees them. The histories are built over HTTP too, as notes, the way the issue that set these targets measured them.
/// </summary>
public sealed class HistoryBenchmark : IMeasurement
{
    private const int Young = 50, Old = 2_000, Timed = 200;

    public string Name => "history";
    public int Order => 15;
    public string Description => "a note and the details of a problem with 50 events against one with 2,000";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var database = await BenchDatabase.CreateAsync(context, "history", cancellation);
        await using var server = await OctansServer.StartReadyAsync(context, database.ConnectionString, cancellation);
        using var http = OctansClient.Pool(server.Address);
        var coordinator = await OctansClient.SignInAsync(http, OctansClient.Coordinator, cancellation);

        context.Say($"history: building problems of {Young} and {Old:#,0} events over HTTP");
        var young = await ProblemWithAsync(coordinator, Young, cancellation);
        var old = await ProblemWithAsync(coordinator, Old, cancellation);

        // Warm up on both, then time them in turn so the machine's noise falls on each alike.
        await NotesAsync(coordinator, young, 50, [], cancellation);
        await NotesAsync(coordinator, old, 50, [], cancellation);
        var (onYoung, onOld) = (new List<double>(), new List<double>());
        for (var round = 0; round < Timed / 20; round++)
        {
            await NotesAsync(coordinator, young, 20, onYoung, cancellation);
            await NotesAsync(coordinator, old, 20, onOld, cancellation);
        }
        var (youngP50, oldP50) = (Percentile(onYoung, 50), Percentile(onOld, 50));
        context.Say($"history: note p50 {youngP50:0.00} ms at {Young} events, {oldP50:0.00} ms at {Old:#,0}");

        var details = new List<double>();
        var (status, bytes) = await coordinator.GetSizeAsync($"/api/problems/{old.Id}", cancellation);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"The details answered {(int)status}.");
        for (var i = 0; i < 420; i++)
        {
            var started = Stopwatch.GetTimestamp();
            if (await coordinator.GetBytesAsync($"/api/problems/{old.Id}", cancellation) != HttpStatusCode.OK)
                throw new InvalidOperationException("The details stopped answering 200.");
            if (i >= 20) details.Add(Latencies.Milliseconds(started));
        }
        context.Say($"history: details of the {Old:#,0}-event problem: {bytes / 1024.0:0.0} KB, p95 {Percentile(details, 95):0.00} ms");

        return
        [
            new($"Note p50, problem of {Young} events", youngP50, Unit.Milliseconds),
            new($"Note p50, problem of {Old:#,0} events", oldP50, Unit.Milliseconds, youngP50, $"the same note at {Young} events", "≤ 1.25× floor",
                oldP50 <= 1.25 * youngP50),
            new($"Details of a {Old:#,0}-event problem, size", bytes / 1024.0, Unit.Kilobytes, Target: "< 40 KB", Met: bytes < 40 * 1024,
                Note: "the JSON as sent: the latest 20 notes with the total, every action, review and phase"),
            new($"Details of a {Old:#,0}-event problem, p95", Percentile(details, 95), Unit.Milliseconds, Target: "< 10 ms",
                Met: Percentile(details, 95) < 10, Note: $"p50 {Percentile(details, 50):0.00} ms, one client, 400 requests"),
        ];
    }

    private sealed class Handle(Guid id, int version)
    {
        public Guid Id { get; } = id;
        public int Version { get; set; } = version;
    }

    private static async Task<Handle> ProblemWithAsync(OctansClient coordinator, int events, CancellationToken cancellation)
    {
        var (status, body) = await coordinator.PostAsync("/api/problems", new
        {
            title = $"Alley behind Wenlock Street, {events} events",
            statement = "Fly-tipping and drug litter in the alley; residents avoid it after dark.",
            category = "Alleyway", area = "High Town", risk = "High",
            location = new { description = "Alley behind Wenlock Street" },
        }, cancellation);
        if (status != HttpStatusCode.Created) throw new InvalidOperationException($"Reporting a problem answered {(int)status}: {body}");
        var problem = new Handle(body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32());
        await NotesAsync(coordinator, problem, events - problem.Version, [], cancellation);
        return problem;
    }

    private static async Task NotesAsync(OctansClient coordinator, Handle problem, int count, List<double> times, CancellationToken cancellation)
    {
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var (status, body) = await coordinator.PostAsync($"/api/problems/{problem.Id}/notes",
                new { version = problem.Version, text = "Walked the alley on the evening patrol: two bags by the gate, reported to Clean Streets." },
                cancellation);
            var took = Latencies.Milliseconds(started);
            if (status != HttpStatusCode.OK) throw new InvalidOperationException($"A note answered {(int)status}: {body}");
            problem.Version = body.GetProperty("version").GetInt32();
            times.Add(took);
        }
    }

    private static double Percentile(List<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
