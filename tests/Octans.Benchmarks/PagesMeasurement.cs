using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Octans.Benchmarks;

/// <summary>
/// The two pages coordinators live in, the problem board and a problem's page, with the High Town demo loaded: the
/// time to the last byte of the HTML over loopback, signed in with the cookie; and the community page and Atom feed that
/// residents read without signing in. Floor: /health/live through the same
/// server, the cheapest answer it gives.
/// </summary>
public sealed partial class PagesMeasurement : IMeasurement
{
    public string Name => "pages";
    public int Order => 35;
    public string Description => "the problem board and a problem page with the High Town demo, as a signed-in coordinator, and the community page and feed";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellation)
    {
        await using var database = await BenchDatabase.CreateAsync(context, "pages", cancellation);
        await using var server = await OctansServer.StartReadyAsync(context, database.ConnectionString, cancellation,
            new Dictionary<string, string> { ["Octans__LoadDemo"] = "true" });
        using var http = OctansServer.BehindTheProxy(new HttpClient(new Cookies(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            BaseAddress = server.Address,
        });
        await SignInAsync(http, cancellation);

        var board = await http.GetStringAsync("/problems", cancellation);
        var problem = ProblemLink().Match(board).Groups[1].Value;
        var samples = context.Settings.ReadSamples;
        var floor = await TimeAsync(http, "/health/live", samples, cancellation);
        var boardTimes = await TimeAsync(http, "/problems", samples, cancellation);
        var problemTimes = await TimeAsync(http, problem, samples, cancellation);
        var communityTimes = await TimeAsync(http, "/community/HT", samples, cancellation);
        var feedTimes = await TimeAsync(http, "/community/HT/feed.atom", samples, cancellation);
        context.Say($"pages: board {boardTimes.Summary}; problem {problemTimes.Summary}; community {communityTimes.Summary}; feed {feedTimes.Summary}; floor {floor.Summary}");

        return
        [
            new Figure("Problem board page p95 (demo data)", boardTimes.Percentile(95), Unit.Milliseconds, floor.Percentile(95), "GET /health/live",
                "< 100 ms", boardTimes.Percentile(95) < 100, $"p50 {boardTimes.Percentile(50):0.0} ms"),
            new Figure("Problem page p95 (demo data)", problemTimes.Percentile(95), Unit.Milliseconds, floor.Percentile(95), "GET /health/live",
                "< 100 ms", problemTimes.Percentile(95) < 100, $"p50 {problemTimes.Percentile(50):0.0} ms"),
            new Figure("Community page p95 (demo's public updates, no sign-in)", communityTimes.Percentile(95), Unit.Milliseconds, floor.Percentile(95),
                "GET /health/live", "< 20 ms", communityTimes.Percentile(95) < 20, $"p50 {communityTimes.Percentile(50):0.0} ms"),
            new Figure("Community Atom feed p95 (demo's public updates)", feedTimes.Percentile(95), Unit.Milliseconds, floor.Percentile(95),
                "GET /health/live", "< 20 ms", feedTimes.Percentile(95) < 20, $"p50 {feedTimes.Percentile(50):0.0} ms"),
        ];
    }

    private static async Task SignInAsync(HttpClient http, CancellationToken cancellation)
    {
        var form = await http.GetStringAsync("/sign-in", cancellation);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var answer = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = OctansClient.Coordinator, ["password"] = OctansServer.Password, ["__RequestVerificationToken"] = token,
        }), cancellation);
        if (answer.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in to the pages answered {answer.StatusCode}.");
    }

    private static async Task<Latencies> TimeAsync(HttpClient http, string url, int samples, CancellationToken cancellation)
    {
        for (var warm = 0; warm < 20; warm++) await http.GetByteArrayAsync(url, cancellation);
        var times = new List<double>(samples);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var answer = await http.GetAsync(url, cancellation);
            await answer.Content.ReadAsByteArrayAsync(cancellation);
            if (answer.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} answered {answer.StatusCode}.");
            times.Add(Latencies.Milliseconds(start));
        }
        var latencies = new Latencies { Elapsed = clock.Elapsed };
        latencies.Add(times);
        return latencies;
    }

    /// <summary>
    /// The browser's cookies, sent back as the proxy would pass them: Octans' cookies are Secure outside Development,
    /// which a cookie container would keep off this plain-http hop behind the proxy.
    /// </summary>
    private sealed class Cookies(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _jar = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
        {
            if (_jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
            var answer = await base.SendAsync(request, cancellation);
            foreach (var cookie in answer.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                _jar[pair[0]] = pair[1];
            }
            return answer;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"(/problems/[0-9a-f-]{36})\"")]
    private static partial Regex ProblemLink();
}
