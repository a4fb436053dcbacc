using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Octans.Benchmarks;

/// <summary>
/// Reports from the public at national scale: 100,000 reports taken into the inboxes as ten CSV uploads of 10,000 rows
/// (each timed), then the inbox's page with the open problems near each report and Open311 posts as FixMyStreet sends
/// them, one client at a time so each figure is a latency and not a queue.
/// </summary>
public sealed class IntakeBenchmark : IMeasurement
{
    private const int Uploads = 10, RowsPerUpload = 10_000;

    // Requests sent and not timed before each measure, so the figures are of a node that has been running: blocks of 600
    // inbox pages timed one after another from the start measured p95s of 10.3, 8.2, then 5.0-5.4 ms (2026-12-03), as .NET
    // went on optimising the path's methods well past their first thirty calls.
    private const int WarmUp = 2_000;

    public string Name => "intake";
    public int Order => 35;
    public string Description => "reports from the public: CSV uploads, the inbox and Open311, on 10,000 problems and 100,000 reports";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        var national = await context.NationalAsync(cancellation);
        await using var server = await OctansServer.StartReadyAsync(context, national.Database.ConnectionString, cancellation);
        using var http = OctansClient.Pool(server.Address);
        var coordinator = await TokenAsync(http, OctansClient.Coordinator, cancellation);
        var admin = await AdministratorSignIn.TokenAsync(server.Address, cancellation);
        var random = new Random(42);
        var areas = national.Areas.Take(Uploads).ToList();

        var uploads = new List<double>();
        foreach (var (area, n) in areas.Select((a, n) => (a, n)))
        {
            var csv = Csv(n, random);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/upload?area={Uri.EscapeDataString(area.Code)}")
                { Content = new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } } };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", coordinator);
            var started = Stopwatch.GetTimestamp();
            using var answer = await http.SendAsync(request, cancellation);
            uploads.Add(Latencies.Milliseconds(started) / 1000);
            var body = await answer.Content.ReadAsStringAsync(cancellation);
            if (answer.StatusCode != HttpStatusCode.OK || !body.Contains($"\"taken\":{RowsPerUpload}", StringComparison.Ordinal))
                throw new InvalidOperationException($"The upload into {area.Name} answered {(int)answer.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            context.Say($"intake: {RowsPerUpload:#,0} rows into {area.Name} in {uploads[^1]:0.00} s");
        }

        // The node finds each report's nearby problems in the background as the files arrive; the page is timed once it has.
        await SettledAsync(context, national.Database, cancellation);

        // What autovacuum does to a table that grows a report at a time, done at once after the bulk load: without it every
        // count of an area's waiting reports reads the table's rows instead of the index alone.
        await national.Database.ExecuteAsync("VACUUM (ANALYZE) octans.inbox_reports", cancellation);
        // And what the checkpointer does within minutes: the uploads' pages written out, so the times below are of reading
        // and reporting, not of sharing the disk with a million dirty pages being written back.
        await national.Database.ExecuteAsync("CHECKPOINT", cancellation);

        var samples = context.Settings.ReadSamples;
        // Open311 takes at most 300 reports a minute from one key, so the posts are shared among enough keys to stay under it.
        var keys = new List<string>();
        for (var i = 0; i <= (samples + WarmUp) / 250; i++) keys.Add(await KeyAsync(http, admin, areas[i % areas.Count].Name, cancellation));
        var inbox = await TimeAsync(samples, () => Get(coordinator, $"/api/inbox?area={Uri.EscapeDataString(areas[random.Next(areas.Count)].Code)}&state=New&page={random.Next(1, 6)}&pageSize=20"), http, cancellation);
        var posted = 0;
        var open311 = await TimeAsync(samples, () => Open311(keys[posted++ % keys.Count], random), http, cancellation);
        context.Say($"intake: inbox page p95 {inbox.Percentile(95):0.00} ms; Open311 post p95 {open311.Percentile(95):0.00} ms");

        return
        [
            new("CSV upload of 10,000 reports, slowest of ten", uploads.Max(), Unit.Seconds, Target: "< 10 s", Met: uploads.Max() < 10),
            new("Inbox page (20 reports, each with the open problems within 250 m), p50", inbox.Percentile(50), Unit.Milliseconds),
            new("Inbox page (20 reports, each with the open problems within 250 m), p95", inbox.Percentile(95), Unit.Milliseconds,
                Target: "< 10 ms", Met: inbox.Percentile(95) < 10),
            new("POST /open311/v2/requests.xml, p50", open311.Percentile(50), Unit.Milliseconds),
            new("POST /open311/v2/requests.xml, p95", open311.Percentile(95), Unit.Milliseconds, Target: "< 20 ms", Met: open311.Percentile(95) < 20),
        ];
    }

    /// <summary>Reports pinned over the dataset's problems (ProblemHistories puts them in one box by High Town), with their own references.</summary>
    private static byte[] Csv(int upload, Random random)
    {
        var csv = new StringBuilder("reference,received,category,description,location,latitude,longitude\n");
        var day = new DateOnly(2026, 11, 1);
        for (var i = 0; i < RowsPerUpload; i++)
            csv.Append(CultureInfo.InvariantCulture,
                $"ASB-{upload:00}-{i:00000},{day.AddDays(-(i % 300)):yyyy-MM-dd},Fly-tipping,\"Bags dumped again, call 07700 900{i % 1000:000}\",Service road {i % 97},{Latitude(random):0.000000},{Longitude(random):0.000000}\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static double Latitude(Random random) => 51.88 + random.NextDouble() / 50;

    private static double Longitude(Random random) => -0.41 - random.NextDouble() / 50;

    private static HttpRequestMessage Get(string token, string url) =>
        new(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    private static HttpRequestMessage Open311(string key, Random random) => new(HttpMethod.Post, "/open311/v2/requests.xml")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "fly-tipping", ["lat"] = Latitude(random).ToString("0.000000", CultureInfo.InvariantCulture),
            ["long"] = Longitude(random).ToString("0.000000", CultureInfo.InvariantCulture),
            ["description"] = $"Rubbish bags by the garages, number {random.Next()}", ["email"] = "resident@example.org",
            ["first_name"] = "Alex", ["last_name"] = "Resident", ["attribute[fixmystreet_id]"] = random.Next().ToString(CultureInfo.InvariantCulture),
        }),
    };

    /// <summary>Waits until the node has found every report's nearby problems and dealt with every pin that moved.</summary>
    private static async Task SettledAsync(BenchContext context, BenchDatabase database, CancellationToken cancellation)
    {
        var waiting = Stopwatch.StartNew();
        while (true)
        {
            var left = await database.CountAsync(
                "select (select count(*) from octans.inbox_reports where nearby is null and pin is not null) + (select count(*) from octans.pin_changes)",
                cancellation);
            if (left == 0) break;
            if (waiting.Elapsed > TimeSpan.FromMinutes(15))
                throw new TimeoutException($"The node had still not found the nearby problems of {left:#,0} reports after 15 minutes.");
            context.Say($"intake: {left:#,0} reports still to have their nearby problems found");
            await Task.Delay(TimeSpan.FromSeconds(10), cancellation);
        }
        context.Say($"intake: every report's nearby problems found, {waiting.Elapsed.TotalSeconds:0} s after the last upload");
    }

    private static async Task<Latencies> TimeAsync(int samples, Func<HttpRequestMessage> request, HttpClient http, CancellationToken cancellation)
    {
        var times = new List<double>(samples);
        for (var i = 0; i < samples + WarmUp; i++)
        {
            using var message = request();
            var started = Stopwatch.GetTimestamp();
            using var answer = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellation);
            var body = await answer.Content.ReadAsByteArrayAsync(cancellation);
            if (i >= WarmUp) times.Add(Latencies.Milliseconds(started));
            if (!answer.IsSuccessStatusCode)
                throw new InvalidOperationException($"{message.Method} {message.RequestUri} answered {(int)answer.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }
        var latencies = new Latencies();
        latencies.Add(times);
        return latencies;
    }

    private static async Task<string> TokenAsync(HttpClient http, string email, CancellationToken cancellation)
    {
        using var answer = await http.PostAsJsonAsync("/api/auth/token", new { email, password = OctansServer.Password }, OctansClient.Json, cancellation);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<Token>(OctansClient.Json, cancellation))!.Value;
    }

    private static async Task<string> KeyAsync(HttpClient http, string admin, string area, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/keys")
            { Content = JsonContent.Create(new { sender = "FixMyStreet", area }, options: OctansClient.Json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var answer = await http.SendAsync(request, cancellation);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<Key>(OctansClient.Json, cancellation))!.ApiKey;
    }

    private sealed record Token([property: System.Text.Json.Serialization.JsonPropertyName("token")] string Value);

    private sealed record Key(string ApiKey);
}
