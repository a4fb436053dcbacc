using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Octans.Domain;

namespace Octans.Benchmarks;

/// <summary>
/// Writes through the real HTTP path at 1, 8 and 32 clients: add a note, plan an action, complete an action, on many
/// problems. Each level is followed by the INSERT floor at the same concurrency, and the app's peak memory is taken
/// over the 32-client level.
/// </summary>
public sealed class WritesBenchmark : IMeasurement
{
    private const int ProblemCount = 1_000;

    public string Name => "writes";
    public int Order => 10;
    public string Description => "writes over HTTP at 1, 8 and 32 clients against a raw INSERT floor, and peak memory";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var database = await BenchDatabase.CreateAsync(context, "writes", cancellation);
        var floor = new InsertFloor(database);
        await floor.CreateTableAsync(cancellation);
        await using var server = await OctansServer.StartReadyAsync(context, database.ConnectionString, cancellation);
        var idle = server.ResidentMegabytes();
        using var http = OctansClient.Pool(server.Address);
        var coordinator = await OctansClient.SignInAsync(http, OctansClient.Coordinator, cancellation);

        context.Say($"writes: reporting {ProblemCount:#,0} problems");
        var problems = await ReportProblemsAsync(coordinator, cancellation);
        var mix = new WriteMix(coordinator, problems, context.Settings.Keyed);

        // A server runs for days; what is measured is its steady state, not the JIT's first minutes. Tiered
        // compilation keeps recompiling hot methods for a while after the first requests, so the warm-up is a full level.
        context.Say("writes: warming up");
        await mix.RunAsync(8, TimeSpan.FromSeconds(context.Settings.Seconds), cancellation);
        await floor.RunAsync(8, TimeSpan.FromSeconds(2), cancellation);

        var duration = TimeSpan.FromSeconds(context.Settings.Seconds);
        var figures = new List<Figure>();
        double peak = 0;
        foreach (var clients in context.Settings.Clients)
        {
            if (clients == 32) server.ResetPeakMemory();
            var cpuBefore = server.CpuTime();
            var systemBefore = server.SystemTime();
            var octans = await mix.RunAsync(clients, duration, cancellation);
            var cpuPerWrite = (server.CpuTime() - cpuBefore).TotalMilliseconds / octans.Count;
            var systemPerWrite = (server.SystemTime() - systemBefore).TotalMilliseconds / octans.Count;
            if (clients == 32) peak = server.PeakMegabytes();
            context.Say($"writes: {clients} clients: Octans {octans.Summary}; {mix.TakeConflicts()} conflicts re-read and retried, " +
                        $"{mix.TakeRefusals()} refused; {cpuPerWrite:0.00} ms of Octans CPU per write, {systemPerWrite:0.00} ms of it in the kernel");
            var insert = await floor.RunAsync(clients, duration, cancellation);
            context.Say($"writes: {clients} clients: INSERT floor {insert.Summary}");
            figures.AddRange(Figures(clients, octans, insert));
            figures.Add(new Figure($"Octans CPU per write, {clients} client{(clients == 1 ? "" : "s")}", cpuPerWrite, Unit.Milliseconds,
                Target: clients == 8 ? "< 0.6 ms" : "", Met: clients == 8 ? cpuPerWrite < 0.6 : null,
                Note: "user + system time of the app process over the level, divided by the writes"));
        }

        if (context.Settings.Clients.Contains(32))
            figures.Add(new Figure("Peak resident memory, 32 clients", peak, Unit.Megabytes, idle, "idle after start", "< 400 MB", peak < 400,
                "VmHWM of the Octans process over the 32-client level"));
        if (server.LoadedTheCompiler())
            figures.Add(new Figure("Roslyn loaded by the app", 1, Unit.Count, Target: "0", Met: false,
                Note: "Wolverine compiled code at run time instead of using the pre-generated handlers"));
        if (context.Settings.Clients.Contains(32))
            figures.Add(await PeakAsOpsRunServesItAsync(context, cancellation));
        return figures;
    }

    /// <summary>
    /// The same warm-up and 32-client level against Octans started the way ops/run starts it: Development, handlers
    /// compiled at start, the High Town demo loaded and the schema made by the app itself.
    /// </summary>
    private static async Task<Figure> PeakAsOpsRunServesItAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var database = await BenchDatabase.CreateAsync(context, "writes_dev", cancellation, applySchema: false);
        var asOpsRun = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development", ["Octans__LoadDemo"] = "true",
            ["Logging__LogLevel__Default"] = "Warning", ["Logging__LogLevel__Octans"] = "Information",
        };
        await using var server = await OctansServer.StartReadyAsync(context, database.ConnectionString, cancellation, asOpsRun);
        var idle = server.ResidentMegabytes();
        using var http = OctansClient.Pool(server.Address);
        var coordinator = await OctansClient.SignInAsync(http, OctansClient.Coordinator, cancellation);
        var mix = new WriteMix(coordinator, await ReportProblemsAsync(coordinator, cancellation), context.Settings.Keyed);
        context.Say("writes: as ops/run serves it: warming up");
        await mix.RunAsync(8, TimeSpan.FromSeconds(context.Settings.Seconds), cancellation);
        server.ResetPeakMemory();
        var octans = await mix.RunAsync(32, TimeSpan.FromSeconds(context.Settings.Seconds), cancellation);
        var peak = server.PeakMegabytes();
        context.Say($"writes: as ops/run serves it: 32 clients: {octans.Summary}; peak {peak:0} MB");
        return new Figure("Peak resident memory, 32 clients, as ops/run serves it", peak, Unit.Megabytes, idle, "idle after start", "< 400 MB",
            peak < 400, "Development: handlers compiled at start, the demo loaded; VmHWM over the 32-client level");
    }

    private static IEnumerable<Figure> Figures(int clients, Latencies octans, Latencies insert)
    {
        var per = clients == 1 ? "1 client" : $"{clients} clients";
        const string Floor = "INSERT + COMMIT";
        var throughputTarget = clients == 32 ? "≥ 1/10 of floor" : "";
        bool? throughputMet = clients == 32 ? octans.PerSecond >= insert.PerSecond / 10 : null;
        yield return new Figure($"Write throughput, {per}", octans.PerSecond, Unit.PerSecond, insert.PerSecond, Floor, throughputTarget, throughputMet);

        yield return new Figure($"Write p50, {per}", octans.Percentile(50), Unit.Milliseconds, insert.Percentile(50), Floor,
            clients == 1 ? "≤ 10× floor" : "", clients == 1 ? octans.Percentile(50) <= 10 * insert.Percentile(50) : null);
        yield return new Figure($"Write p95, {per}", octans.Percentile(95), Unit.Milliseconds, insert.Percentile(95), Floor);
        yield return new Figure($"Write p99, {per}", octans.Percentile(99), Unit.Milliseconds, insert.Percentile(99), Floor,
            clients == 8 ? "< 25 ms" : "", clients == 8 ? octans.Percentile(99) < 25 : null);
    }

    private static async Task<ProblemHandle[]> ReportProblemsAsync(OctansClient coordinator, CancellationToken cancellation)
    {
        var problems = new ProblemHandle[ProblemCount];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ProblemCount)
            {
                var (status, body) = await coordinator.PostAsync("/api/problems", new
                {
                    title = $"Lamp column {i} dark on Wenlock Street",
                    statement = "The column has been out for a fortnight; residents avoid the stretch after dark.",
                    category = "Street lighting",
                    area = "High Town",
                    risk = "Medium",
                    location = new { description = $"Wenlock Street, column {i}" },
                }, cancellation);
                if (status != HttpStatusCode.Created) throw new InvalidOperationException($"Reporting a problem answered {(int)status}: {body}");
                problems[i] = new ProblemHandle(body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32());
            }
        }, cancellation)));
        return problems;
    }
}

/// <summary>What the clients of a run know about one problem: its version from the latest write answer, and its open actions.</summary>
internal sealed class ProblemHandle(Guid id, int version)
{
    public Guid Id { get; } = id;
    public int Version { get; set; } = version;
    public List<Guid> OpenActions { get; } = [];
}

/// <summary>
/// The write mix of a coordinator's day: 40% notes, 30% planned actions, 30% completed actions (a plan instead when
/// the problem has none open). Each client picks problems at random, so two clients sometimes write the same problem
/// at once; the loser's 409 is answered as a person would, by re-reading the problem and trying again.
/// </summary>
internal sealed class WriteMix(OctansClient client, ProblemHandle[] problems, bool keyed = false)
{
    private int _conflicts;
    private int _refusals;

    public int TakeConflicts() => Interlocked.Exchange(ref _conflicts, 0);
    public int TakeRefusals() => Interlocked.Exchange(ref _refusals, 0);

    public Task<Latencies> RunAsync(int clients, TimeSpan duration, CancellationToken cancellation) =>
        Latencies.RunAsync(clients, duration, async (index, times, stop) =>
        {
            var random = new Random(index * 7919 + clients);
            while (!stop.IsCancellationRequested)
                await WriteOnceAsync(problems[random.Next(problems.Length)], random.NextDouble(), times, cancellation);
        }, cancellation);

    private async Task WriteOnceAsync(ProblemHandle problem, double roll, List<double> times, CancellationToken cancellation)
    {
        var dueOn = London.Today(DateTimeOffset.UtcNow).AddDays(14).ToString("yyyy-MM-dd");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            int version;
            Guid? completing = null;
            lock (problem)
            {
                version = problem.Version;
                if (roll >= 0.7 && problem.OpenActions.Count > 0)
                {
                    completing = problem.OpenActions[^1];
                    problem.OpenActions.RemoveAt(problem.OpenActions.Count - 1);
                }
            }

            var (url, body) = completing is { } actionId
                ? ($"/api/problems/{problem.Id}/actions/{actionId}/complete", (object)new { version, note = "Done on the night round; all three columns lit." })
                : roll < 0.4
                    ? ($"/api/problems/{problem.Id}/notes", new { version, text = "Checked on the evening patrol: two columns lit, one still dark." })
                    : ($"/api/problems/{problem.Id}/actions", new { version, description = "Replace the lamp and photocell", teamId = "0196a000-0000-7000-8000-000000000001", dueOn });

            var started = Stopwatch.GetTimestamp();
            var (status, answer) = await client.PostAsync(url, body, cancellation, keyed ? Guid.NewGuid().ToString() : null);
            var took = Latencies.Milliseconds(started);

            if (status == HttpStatusCode.OK)
            {
                times.Add(took);
                lock (problem)
                {
                    problem.Version = Math.Max(problem.Version, answer.GetProperty("version").GetInt32());
                    if (answer.TryGetProperty("actionId", out var planned)) problem.OpenActions.Add(planned.GetGuid());
                }
                return;
            }
            if (status != HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref _refusals);
                if (_refusals < 3) Console.Error.WriteLine($"A write answered {(int)status}: {answer}");
                return;
            }
            Interlocked.Increment(ref _conflicts);
            await ReReadAsync(problem, cancellation);
        }
    }

    private async Task ReReadAsync(ProblemHandle problem, CancellationToken cancellation)
    {
        var (status, details) = await client.GetAsync($"/api/problems/{problem.Id}", cancellation);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"Re-reading a problem answered {(int)status}: {details}");
        var open = details.GetProperty("actions").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() == "Open")
            .Select(a => a.GetProperty("id").GetGuid());
        var version = details.GetProperty("version").GetInt32();
        lock (problem)
        {
            // Another client's answer may have arrived while this one was reading; the newest knowledge wins.
            if (version < problem.Version) return;
            problem.Version = version;
            problem.OpenActions.Clear();
            problem.OpenActions.AddRange(open);
        }
    }
}
