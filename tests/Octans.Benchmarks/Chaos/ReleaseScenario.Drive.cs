using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Octans.Benchmarks.Chaos;

public sealed partial class ReleaseScenario
{
    private static readonly IPAddress Browser = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Guesser = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress Colleague = IPAddress.Parse("127.0.0.4");

    /// <summary>The pages over HTTPS: nothing of Development, the link add-user gave, signing in, and what the answers carry.</summary>
    private static async Task<IReadOnlyList<Finding>> PagesAsync(NginxFront front, string link, CancellationToken cancellation)
    {
        using var browser = front.Browser(Browser);
        using var first = await browser.GetAsync("/", cancellation);
        var hsts = first.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.First() : "none";
        var demo = await PageVisits.SignInAsync(browser, "coordinator@octans.test", "octans-demo", cancellation);
        using var docs = await browser.GetAsync("/api/docs", cancellation);
        using var openApi = await browser.GetAsync("/openapi/v1.json", cancellation);

        var path = new Uri(link).PathAndQuery;
        using (var reset = await PageVisits.PostFormAsync(browser, path, new Dictionary<string, string> { ["newPassword"] = Password }, cancellation))
            if (reset.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"The reset link's page did not take the password: {(int)reset.StatusCode}");

        var clock = Stopwatch.StartNew();
        var (signedIn, _, cookies) = await PageVisits.SignInAsync(browser, Email, Password, cancellation);
        using var home = await browser.GetAsync("/", cancellation);
        var took = clock.Elapsed;
        // The first page may send a coordinator on to their own; anything but back to sign-in is signed in.
        var inside = signedIn && (int)home.StatusCode < 400 && !(home.Headers.Location?.ToString().Contains("sign-in", StringComparison.Ordinal) ?? false);

        using var css = await browser.GetAsync("/lib/octans.css", cancellation);
        using var cssAgain = await browser.GetAsync("/lib/octans.css", cancellation);
        var cache = cssAgain.Headers.TryGetValues("X-Cache-Status", out var status) ? status.First() : "none";
        return
        [
            new("Protocol between the browser and nginx", $"HTTP/{first.Version}", "HTTP/2", first.Version == HttpVersion.Version20),
            new("Strict-Transport-Security", $"`{hsts}`", "present", hsts.Contains("max-age=", StringComparison.Ordinal)),
            new("Demo account `coordinator@octans.test` in Production", demo.SignedIn ? "signed in" : "refused", "refused", !demo.SignedIn),
            new("`/api/docs` and `/openapi/v1.json` before signing in", $"{(int)docs.StatusCode}, {(int)openApi.StatusCode}", "not shown",
                docs.StatusCode != HttpStatusCode.OK && openApi.StatusCode != HttpStatusCode.OK),
            new("Signing in through the pages (form, cookie, first page)", inside ? $"{took.TotalMilliseconds:0} ms" : "failed", "signed in", inside),
            new("Cookies set at sign-in, and those marked Secure", $"{cookies.Count}, {cookies.Count(IsSecure)}", "all Secure",
                cookies.Count > 0 && cookies.All(IsSecure)),
            new("Styles asked for a second time", $"`X-Cache-Status: {cache}`", "HIT, from nginx's cache", cache == "HIT"),
        ];
    }

    private static bool IsSecure(string cookie) => cookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// One client guesses passwords, each time claiming another address in X-Forwarded-For, until sign-in refuses it; a
    /// colleague on another address then signs in at once: Octans counts the address nginx saw, not one a client claims.
    /// </summary>
    private static async Task<IReadOnlyList<Finding>> LimitsAsync(NginxFront front, CancellationToken cancellation)
    {
        using var guesser = front.Browser(Guesser);
        var attempts = 0;
        var refused = false;
        while (!refused && attempts < 40)
        {
            attempts++;
            var claimed = $"203.0.113.{attempts}";
            var (_, page, _) = await PageVisits.SignInAsync(guesser, $"guess{attempts}@council.example", "not the password at all", cancellation,
                request => request.Headers.Add("X-Forwarded-For", claimed));
            refused = page.Contains("too many sign-in attempts", StringComparison.Ordinal);
        }
        using var colleague = front.Browser(Colleague);
        var (signedIn, _, _) = await PageVisits.SignInAsync(colleague, Email, Password, cancellation);
        return
        [
            new("Wrong sign-ins from one client, each claiming another address, before it was refused",
                refused ? $"{attempts}" : "never refused", "refused (3 a minute per node, bursts of 6, two nodes)", refused),
            new("Another client signing in right after", signedIn ? "signed in" : "refused", "signed in", signedIn),
        ];
    }

    /// <summary>nginx takes bodies as large as Octans does: a 12 MB note is refused at nginx, a 15 MB CSV file reaches Octans.</summary>
    private static async Task<IReadOnlyList<Finding>> BodiesAsync(NginxFront front, CancellationToken cancellation)
    {
        using var client = front.Browser(Colleague);
        var token = await TokenAsync(client, cancellation);
        async Task<(int Status, bool ByNginx)> SendAsync(string url, int megabytes, string type)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(new byte[megabytes * 1024 * 1024]) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
            request.Headers.Authorization = new("Bearer", token);
            using var answer = await client.SendAsync(request, cancellation);
            return ((int)answer.StatusCode, (await answer.Content.ReadAsStringAsync(cancellation)).Contains("<center>nginx", StringComparison.Ordinal));
        }
        var note = await SendAsync("/api/problems", 12, "application/json");
        var file = await SendAsync("/api/inbox/upload", 15, "text/csv");
        return
        [
            new("A 12 MB body to `/api/problems`", $"{note.Status}{(note.ByNginx ? " from nginx" : " from Octans")}", "413 from nginx", note is (413, true)),
            new("A 15 MB CSV file to `/api/inbox/upload`", $"{file.Status}{(file.ByNginx ? " from nginx" : " from Octans")}", "answered by Octans", !file.ByNginx),
        ];
    }
}
