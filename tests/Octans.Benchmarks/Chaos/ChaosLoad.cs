using System.Net;
using System.Text.Json;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Benchmarks.Chaos;

/// <summary>
/// A coordinator's day of writes from many clients, each with a key and sent again until answered: reports (15%),
/// completed actions (20%, when one is open), planned actions (25%) and notes (the rest). Each client writes only the
/// problems it reported, so it always knows their version and a 409 can only mean a write was applied twice.
/// </summary>
public sealed class ChaosLoad(KeyedWrites writes, int clients)
{
    private int _unexpected;

    /// <summary>Answers that were neither a success nor a 503: a refusal, a conflict, a 500, or no answer in two minutes.</summary>
    public int Unexpected => _unexpected;

    /// <summary>Runs the clients until <paramref name="stop"/>; each finishes the write it is in, however long that takes.</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken cancellation)
    {
        await Task.WhenAll(Enumerable.Range(0, clients).Select(index => Task.Run(() => ClientAsync(index, stop, cancellation), cancellation)));
    }

    private async Task ClientAsync(int index, CancellationToken stop, CancellationToken cancellation)
    {
        var random = new Random(index * 7919);
        var mine = new List<Owned>();
        while (!stop.IsCancellationRequested)
        {
            var roll = random.NextDouble();
            if (mine.Count < 2 || roll < 0.15)
            {
                var (write, body) = await writes.SendAsync("report", "/api/problems", marker => Report(marker), cancellation);
                if (Check(write, HttpStatusCode.Created))
                    mine.Add(new Owned(body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32()));
                continue;
            }

            var problem = mine[random.Next(mine.Count)];
            var version = problem.Version;
            var (sent, answer) = roll switch
            {
                < 0.35 when problem.OpenActions.Count > 0 => await writes.SendAsync("completion",
                    $"/api/problems/{problem.Id}/actions/{problem.OpenActions[^1]}/complete", marker => new { version, note = marker }, cancellation),
                < 0.6 => await writes.SendAsync("plan", $"/api/problems/{problem.Id}/actions", marker => new
                {
                    version, description = marker, teamId = Team.StreetLighting.Id, dueOn = London.Today(DateTimeOffset.UtcNow).AddDays(14),
                }, cancellation),
                _ => await writes.SendAsync("note", $"/api/problems/{problem.Id}/notes", marker => new { version, text = marker }, cancellation),
            };
            if (!Check(sent, HttpStatusCode.OK))
            {
                mine.Remove(problem);
                continue;
            }
            problem.Version = answer.GetProperty("version").GetInt32();
            if (sent.Kind == "completion") problem.OpenActions.RemoveAt(problem.OpenActions.Count - 1);
            if (answer.TryGetProperty("actionId", out var planned)) problem.OpenActions.Add(planned.GetGuid());
        }
    }

    private bool Check(SentWrite write, HttpStatusCode expected)
    {
        if (write.Status == expected) return true;
        if (Interlocked.Increment(ref _unexpected) <= 3)
            Console.Error.WriteLine($"chaos: a {write.Kind} answered {(write.Status is { } s ? (int)s : "nothing")} after {write.Attempts} attempts: {write.Answer}");
        return false;
    }

    private static object Report(string marker) => new
    {
        title = marker,
        statement = "Three columns dark between Brunswick Street and Burr Street; residents avoid the stretch after dusk.",
        category = "Street lighting",
        area = "High Town",
        risk = "Medium",
        location = new { description = "Wenlock Street, between Brunswick Street and Burr Street" },
    };

    private sealed class Owned(Guid id, int version)
    {
        public Guid Id { get; } = id;
        public int Version { get; set; } = version;
        public List<Guid> OpenActions { get; } = [];
    }
}
