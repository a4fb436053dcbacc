using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// Clients writing as a phone on weak signal does: each write carries an Idempotency-Key, and a write whose answer
/// never came (the connection failed, or a 5xx) is sent again with the same key and body until it is answered.
/// Each client adds notes to a problem of its own and, every eighth write, reports a new problem. What was
/// acknowledged is kept, so the event store can be checked against it afterwards.
/// </summary>
public sealed class WriteLoad
{
    private readonly IReadOnlyList<HttpClient> _nodes;
    private readonly string _token;
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentBag<double> _successes = [];
    private readonly ConcurrentDictionary<string, int> _failures = new();

    public WriteLoad(IReadOnlyList<HttpClient> nodes, string token)
    {
        _nodes = nodes;
        _token = token;
    }

    /// <summary>Every note text and report title a client sent, with whether it was acknowledged.</summary>
    public ConcurrentDictionary<string, bool> Notes { get; } = new();
    public ConcurrentDictionary<string, bool> Reports { get; } = new();

    /// <summary>Writes sent more than once because an earlier try got no answer or a 5xx.</summary>
    public int Retried => _retried;
    private int _retried;

    /// <summary>Answers no retry explains: a 409 or another 4xx to a write that was valid when first sent.</summary>
    public int Surprises => _surprises;
    private int _surprises;

    /// <summary>After a read on the other node, answers that had not yet seen a write acknowledged on this one.</summary>
    public int StaleReads => _staleReads;
    private int _staleReads;

    public double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Failed tries by kind: "connection", "503", "500"...</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures;

    public int Failed(string kind) => _failures.GetValueOrDefault(kind);

    /// <summary>Seconds from <paramref name="after"/> (on <see cref="Now"/>'s clock) to the first acknowledged write.</summary>
    public double? FirstSuccessAfter(double after) => _successes.Where(s => s >= after).Order().Cast<double?>().FirstOrDefault() - after;

    public int Acknowledged => Notes.Count(n => n.Value) + Reports.Count(r => r.Value);

    /// <summary>The longest wait between acknowledged writes from <paramref name="from"/> to <paramref name="to"/> (on <see cref="Now"/>'s clock).</summary>
    public double LongestGap(double from, double to)
    {
        var times = _successes.Where(s => s >= from && s <= to).Order().Prepend(from).Append(to).ToList();
        return times.Zip(times.Skip(1), (a, b) => b - a).Max();
    }

    /// <summary>Runs <paramref name="clients"/> clients until <paramref name="stop"/>, then lets each finish its write.</summary>
    public async Task RunAsync(IReadOnlyList<(Guid Id, int Version)> problems, CancellationToken stop)
    {
        await Task.WhenAll(problems.Select((problem, client) => Task.Run(() => ClientAsync(client, problem.Id, problem.Version, stop))));
    }

    private async Task ClientAsync(int client, Guid problem, int version, CancellationToken stop)
    {
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var node = (client + n) % _nodes.Count;
            var key = $"{_run}-{client}-{n}";
            if (n % 8 == 0)
            {
                var title = $"Chaos report {key}: fly-tipping behind the shops";
                Reports[title] = false;
                var (status, _) = await SendUntilAnsweredAsync(node, "/api/problems", new
                {
                    title, statement = "Reported while the system was under test.", category = "Fly-tipping", area = "High Town", risk = "Low",
                    location = new { description = "Behind the shops" },
                }, key);
                if (status == HttpStatusCode.Created) Reports[title] = true;
                continue;
            }

            var text = $"Chaos note {key}: visited, still dark.";
            Notes[text] = false;
            var (answer, body) = await SendUntilAnsweredAsync(node, $"/api/problems/{problem}/notes", new { version, text }, key);
            if (answer == HttpStatusCode.OK)
            {
                Notes[text] = true;
                version = body.GetProperty("version").GetInt32();
                if (_nodes.Count > 1) await ReadOnOtherNodeAsync(node, problem, version);
            }
            else
            {
                version = await CurrentVersionAsync(node, problem);
            }
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendUntilAnsweredAsync(int node, string url, object body, string key)
    {
        var giveUp = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            if (attempt == 1) Interlocked.Increment(ref _retried);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                request.Headers.Add("Idempotency-Key", key);
                using var answer = await _nodes[node].SendAsync(request);
                if ((int)answer.StatusCode < 500)
                {
                    var json = await answer.Content.ReadFromJsonAsync<JsonElement>();
                    if (answer.IsSuccessStatusCode) _successes.Add(Now);
                    else Interlocked.Increment(ref _surprises);
                    return (answer.StatusCode, json);
                }
                _failures.AddOrUpdate(((int)answer.StatusCode).ToString(), 1, (_, c) => c + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                _failures.AddOrUpdate("connection", 1, (_, c) => c + 1);
            }
            if (giveUp.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"A write got no answer for two minutes: {url}");
            await Task.Delay(100);
            node = (node + 1) % _nodes.Count;
        }
    }

    private async Task ReadOnOtherNodeAsync(int node, Guid problem, int version)
    {
        var other = (node + 1) % _nodes.Count;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/problems/{problem}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var answer = await _nodes[other].SendAsync(request);
        var seen = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        if (seen < version) Interlocked.Increment(ref _staleReads);
    }

    private async Task<int> CurrentVersionAsync(int node, Guid problem)
    {
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/problems/{problem}");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                using var answer = await _nodes[node].SendAsync(request);
                if (answer.IsSuccessStatusCode)
                    return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }
            await Task.Delay(100);
        }
    }
}
