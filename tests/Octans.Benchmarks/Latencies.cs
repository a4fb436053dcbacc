using System.Diagnostics;

namespace Octans.Benchmarks;

/// <summary>Request times of one run, from every client, with the run's length to turn counts into throughput.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count { get { lock (_milliseconds) return _milliseconds.Count; } }

    public TimeSpan Elapsed { get; set; }

    public double PerSecond => Count / Elapsed.TotalSeconds;

    public void Add(IEnumerable<double> milliseconds)
    {
        lock (_milliseconds) _milliseconds.AddRange(milliseconds);
    }

    /// <summary>The nearest-rank percentile, <paramref name="percent"/> from 0 to 100.</summary>
    public double Percentile(double percent)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0) return double.NaN;
            _milliseconds.Sort();
            var rank = (int)Math.Ceiling(percent / 100 * _milliseconds.Count);
            return _milliseconds[Math.Clamp(rank - 1, 0, _milliseconds.Count - 1)];
        }
    }

    public string Summary => $"{Count:#,0} in {Elapsed.TotalSeconds:0.0} s = {PerSecond:#,0}/s; p50 {Percentile(50):0.00} ms, p95 {Percentile(95):0.00} ms, p99 {Percentile(99):0.00} ms";

    public static double Milliseconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    /// <summary>
    /// Runs <paramref name="clients"/> loops side by side for <paramref name="duration"/>; each loop is given its own
    /// list to record into and a token that says the time is up. A loop finishes the request it is in rather than
    /// cancelling it, so no connection is left mid-transaction; the run's length counts until the last one finishes.
    /// </summary>
    public static async Task<Latencies> RunAsync(int clients, TimeSpan duration, Func<int, List<double>, CancellationToken, Task> client,
        CancellationToken cancellation)
    {
        var result = new Latencies();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        var loops = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var mine = new List<double>(4096);
            await client(i, mine, stop.Token);
            result.Add(mine);
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(loops);
        result.Elapsed = clock.Elapsed;
        cancellation.ThrowIfCancellationRequested();
        return result;
    }
}
