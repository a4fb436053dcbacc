using System.Net.Http.Json;
using System.Text.Json;

namespace Octans.Benchmarks.Chaos;

/// <summary>What every scenario of one ops/chaos run shares: its own PostgreSQL cluster, and how to start Octans on it.</summary>
public sealed class ChaosContext(ThrowawayCluster cluster, BenchContext bench)
{
    public ThrowawayCluster Cluster => cluster;

    public BenchContext Bench => bench;

    public void Say(string line) => bench.Say(line);

    /// <summary>A database with the schema applied by its owner, for Octans to run on as the app's role, as an operator runs it.</summary>
    public Task<BenchDatabase> NewDatabaseAsync(string purpose, CancellationToken cancellation) =>
        BenchDatabase.CreateAsync(bench, $"chaos_{purpose}", cancellation, appRole: ThrowawayCluster.AppRole);

    public Task<OctansServer> StartAsync(BenchDatabase database, CancellationToken cancellation,
        IReadOnlyDictionary<string, string>? settings = null, Uri? address = null) =>
        OctansServer.StartReadyAsync(bench, database.AppConnectionString, cancellation, settings, address);

    public static HttpClient Client(Uri address) => OctansServer.BehindTheProxy(new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = address, Timeout = TimeSpan.FromSeconds(15),
    });

    public static async Task<string> SignInAsync(HttpClient http, CancellationToken cancellation)
    {
        using var answer = await http.PostAsJsonAsync("/api/auth/token", new { email = OctansClient.Coordinator, password = OctansServer.Password }, cancellation);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("token").GetString()!;
    }

    /// <summary>One problem per client, for its notes.</summary>
    public static async Task<IReadOnlyList<(Guid Id, int Version)>> ProblemsForAsync(HttpClient http, string token, int clients, CancellationToken cancellation)
    {
        var problems = new List<(Guid, int)>();
        for (var client = 0; client < clients; client++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/problems")
            {
                Content = JsonContent.Create(new
                {
                    title = $"Street lights out on Chaos Lane, stretch {client + 1}", statement = "Dark for a week.", category = "Street lighting",
                    area = "High Town", risk = "Medium", location = new { description = $"Chaos Lane, column {client + 1}" },
                }),
            };
            request.Headers.Authorization = new("Bearer", token);
            using var answer = await http.SendAsync(request, cancellation);
            answer.EnsureSuccessStatusCode();
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation);
            problems.Add((body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt32()));
        }
        return problems;
    }
}
