using System.Net;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Http;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Octans.Api.Demo;
using Octans.Api.Reports.Archive;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.Tests.SigningIn;

namespace Octans.Api.Tests.Operations;

/// <summary>What a browser and a proxy see of Octans in Production.</summary>
public sealed partial class TransportTests(ProductionHost octans) : IClassFixture<ProductionHost>
{
    private const string Site = "octans.example.org";

    [Fact]
    public async Task Behind_a_listed_proxy_Octans_takes_the_client_scheme_host_and_address_from_the_forwarded_headers_and_asks_for_HTTPS_only()
    {
        foreach (var proxy in new[] { "10.20.30.40", "172.16.5.4" })
        {
            var result = await octans.Host.Scenario(s =>
            {
                s.Get.Url("/sign-in");
                From(s, proxy, forwardedFor: "203.0.113.9");
            });

            result.Context.Request.Scheme.ShouldBe("https");
            result.Context.Request.Host.Host.ShouldBe(Site);
            result.Context.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("203.0.113.9"));
            result.Context.Response.Headers.StrictTransportSecurity.ToString().ShouldBe("max-age=31536000");
        }
    }

    [Fact]
    public async Task Forwarded_headers_from_any_other_address_are_ignored_and_plain_http_is_sent_to_HTTPS()
    {
        var result = await octans.Host.Scenario(s =>
        {
            s.Get.Url("/sign-in");
            From(s, "192.0.2.7", forwardedFor: "203.0.113.9");
            s.ConfigureHttpContext(context => context.Request.Host = new HostString(Site));
            s.StatusCodeShouldBe(307);
        });

        result.Context.Request.Scheme.ShouldBe("http");
        result.Context.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("192.0.2.7"));
        result.Context.Response.Headers.Location.ToString().ShouldBe($"https://{Site}/sign-in");
        result.Context.Response.Headers.StrictTransportSecurity.Count.ShouldBe(0);
    }

    [Fact]
    public async Task The_health_checks_still_answer_over_plain_http()
    {
        await octans.Host.Scenario(s => { s.Get.Url("/health/live"); s.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task The_sign_in_and_form_cookies_are_Secure_HttpOnly_and_SameSite()
    {
        var form = await octans.Host.Scenario(s => { s.Get.Url("/sign-in"); Https(s); });
        var antiforgery = form.Context.Response.Headers.SetCookie.ToString().ToLowerInvariant();
        antiforgery.ShouldContain("secure");
        antiforgery.ShouldContain("httponly");
        antiforgery.ShouldContain("samesite=strict");

        var signIn = (await SignIn("coordinator@octans.test")).ToLowerInvariant();
        signIn.ShouldContain("; secure");
        signIn.ShouldContain("; httponly");
        signIn.ShouldContain("; samesite=lax");
    }

    [Fact]
    public async Task A_page_session_ends_twelve_hours_after_signing_in_however_busy_it_is()
    {
        var cookie = PageSessions.Cookie(await SignIn("councillor@octans.test"));
        var signedInAt = octans.Clock.GetUtcNow();

        // Every five hours the councillor opens a page, so sliding expiry alone would keep the session going for ever.
        while (octans.Clock.GetUtcNow() - signedInAt + TimeSpan.FromHours(5) <= OctansSignIn.SessionLimit)
        {
            octans.Clock.Advance(TimeSpan.FromHours(5));
            var page = await octans.Host.Scenario(s => { s.Get.Url("/dashboard"); Https(s); s.WithRequestHeader("Cookie", cookie); s.StatusCodeShouldBeOk(); });
            if (page.Context.Response.Headers.SetCookie.FirstOrDefault(c => c!.StartsWith("octans=", StringComparison.Ordinal)) is { } renewed)
                cookie = PageSessions.Cookie(renewed);
        }

        octans.Clock.Advance(TimeSpan.FromHours(5));
        var late = await octans.Host.Scenario(s => { s.Get.Url("/dashboard"); Https(s); s.WithRequestHeader("Cookie", cookie); s.StatusCodeShouldBe(302); });
        late.Context.Response.Headers.Location.ToString().ShouldStartWith($"https://{Site}/sign-in");
    }

    [Fact]
    public async Task Every_page_the_docs_and_the_job_dashboard_forbid_framing_and_run_only_Octans_own_scripts()
    {
        // Administrators sign in in two steps.
        await using var session = octans.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var user = await session.Query<User>().SingleAsync(u => u.Email == "admin@octans.test");
        var (secret, _) = await octans.Host.SetUpTwoStep(user, octans.Clock.GetUtcNow());
        var admin = PageSessions.Cookie(await PageSessions.SignInAsync(octans.Host, "admin@octans.test", DemoAccounts.DefaultPassword, Https,
            SignInApi.NextCode(secret, octans.Clock.GetUtcNow())));
        foreach (var url in new[] { "/sign-in", "/problems", "/hangfire", "/hangfire/jobs/enqueued", "/api/docs/" })
        {
            var result = await octans.Host.Scenario(s => { s.Get.Url(url); Https(s); s.WithRequestHeader("Cookie", admin); s.StatusCodeShouldBeOk(); });
            var policy = result.Context.Response.Headers.ContentSecurityPolicy.ToString();
            policy.ShouldContain("frame-ancestors 'none'", customMessage: url);
            policy.ShouldContain("object-src 'none'", customMessage: url);
            result.Context.Response.Headers.XFrameOptions.ToString().ShouldBe("DENY", url);
            var scriptSources = Regex.Match(policy, "script-src ([^;]*)").Groups[1].Value;
            scriptSources.ShouldNotContain("unsafe", customMessage: url);

            // Every script on the page is either a file of Octans' own or carries the nonce this answer allows.
            var nonce = Regex.Match(scriptSources, "'nonce-([^']+)'").Groups[1].Value;
            foreach (Match script in ScriptTag().Matches(result.ReadAsText()))
            {
                var tag = script.Value;
                var src = Regex.Match(tag, "src=\"([^\"]*)\"").Groups[1].Value;
                if (src.Length > 0) src.ShouldNotContain("//", customMessage: $"{url}: {tag}");
                else tag.ShouldContain($"nonce=\"{nonce}\"", customMessage: $"{url}: {tag}");
            }
        }
    }

    [Fact]
    public async Task An_unexpected_fault_answers_a_plain_sentence_and_nothing_of_the_fault_itself()
    {
        var token = await Token("councillor@octans.test");
        await using var connection = new NpgsqlConnection(octans.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var hide = new NpgsqlCommand($"alter table {MonthlyPackStorage.Table} rename to hidden_packs", connection))
            await hide.ExecuteNonQueryAsync();
        try
        {
            var result = await octans.Host.Scenario(s =>
            {
                s.Get.Url("/api/reports");
                Https(s);
                s.WithBearerToken(token);
                s.StatusCodeShouldBe(500);
                s.ContentTypeShouldBe("application/problem+json");
            });
            var body = result.ReadAsText();
            body.ShouldNotContain(MonthlyPackStorage.Name);
            body.ShouldNotContain("relation");
            body.ShouldNotContain("Npgsql");
            body.ShouldNotContain(" at ");
            var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, System.Text.Json.JsonSerializerOptions.Web)!;
            problem.Detail.ShouldBe(Answers.Unexpected().Detail);
            result.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        }
        finally
        {
            await using var restore = new NpgsqlCommand($"alter table {DatabaseSettings.MartenSchema}.hidden_packs rename to {MonthlyPackStorage.Name}", connection);
            await restore.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> Token(string email)
    {
        var result = await octans.Host.Scenario(s =>
        {
            s.Post.Json(new { email, password = DemoAccounts.DefaultPassword }).ToUrl("/api/auth/token");
            Https(s);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<IssuedToken>())!.Token;
    }

    private Task<string> SignIn(string email) => PageSessions.SignInAsync(octans.Host, email, DemoAccounts.DefaultPassword, Https);

    /// <summary>A request as the listed proxy passes it on from a browser using HTTPS.</summary>
    private static void Https(Scenario s) => From(s, "10.0.0.1", forwardedFor: "203.0.113.9");

    private static void From(Scenario s, string address, string forwardedFor)
    {
        s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address));
        s.WithRequestHeader("X-Forwarded-For", forwardedFor);
        s.WithRequestHeader("X-Forwarded-Proto", "https");
        s.WithRequestHeader("X-Forwarded-Host", Site);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
