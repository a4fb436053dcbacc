using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

using Octans.Testing;

namespace Octans.Api.Tests.Operations;

public sealed class DatabaseDownTests : IAsyncLifetime
{
    // Nothing listens on port 1, so every connection is refused at once.
    private const string Unreachable = "Host=127.0.0.1;Port=1;Database=octans;Username=octans;Password=s3cret-not-for-logs";

    private OctansProcess _octans = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _octans = await OctansProcess.ServeAsync(Unreachable);
        _client = new HttpClient { BaseAddress = _octans.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _octans.DisposeAsync();
    }

    [Fact]
    public async Task The_app_starts_and_says_it_is_alive_but_not_ready()
    {
        (await _client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Requests_that_need_the_database_get_a_503_problem()
    {
        var responses = new[]
        {
            await _client.GetAsync("/api/teams"),
            await _client.PostAsJsonAsync("/api/auth/token", new { email = "coordinator@octans.test", password = "octans-demo" }),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            problem!.Detail!.ShouldStartWith("Octans is starting or cannot reach its database just now, so nothing was changed.");
        }
    }

    [Fact]
    public async Task The_log_says_plainly_that_the_database_is_not_reachable_yet()
    {
        await _octans.WaitForOutput("The database is not reachable yet");
        _octans.Output.ShouldNotContain("s3cret-not-for-logs");
    }
}
