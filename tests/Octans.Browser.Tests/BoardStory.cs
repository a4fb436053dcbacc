using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Octans.Domain;

namespace Octans.Browser.Tests;

/// <summary>One problem the board tests made through the API: its reference, title and where it is.</summary>
public sealed record MadeProblem(Guid Id, string Reference, string Title, string Place);

/// <summary>
/// Three problems named with a word of their own, so a search for it shows only them on the shared demo's board, made
/// through the API as a coordinator would: each order (updated, risk, confidence, next review) puts them differently.
/// </summary>
public sealed class BoardStory(BrowserFixture octans) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = octans.Address };

    public string Word { get; } = "Quillwort" + Guid.NewGuid().ToString("N")[..6];
    public static DateOnly Today => London.Today(DateTimeOffset.UtcNow);

    /// <summary>
    /// A: Low risk, Red, review overdue, open in Clear. B: High risk, Green, next review in 10 days, open in Hold.
    /// C: Medium risk, Amber, next review in 30 days, closed. Updated last to first: C, B, A.
    /// </summary>
    public async Task<(MadeProblem A, MadeProblem B, MadeProblem C)> ThreeAsync()
    {
        await SignInAsync();
        var a = await ReportAsync("Low", "Garages behind Wenlock Street");
        var b = await ReportAsync("High", "Footpath by Burr Street");
        var c = await ReportAsync("Medium", "Car park off Hitchin Road");
        await ReviewAsync(a.Id, "Red", Today.AddDays(-400), Today.AddDays(-399));
        await ReviewAsync(b.Id, "Green", Today, Today.AddDays(10));
        await PostAsync($"/api/problems/{b.Id}/advance", new { @override = "Agreed at tasking: Hold starts now." });
        await ReviewAsync(c.Id, "Amber", Today, Today.AddDays(30));
        await PostAsync($"/api/problems/{c.Id}/close", new { outcome = "Resolved", note = "Cleared and no reports since." });
        return (a, b, c);
    }

    /// <summary>A problem whose review is overdue, marked sensitive and named for the police team only.</summary>
    public async Task<MadeProblem> SensitiveAsync()
    {
        await SignInAsync();
        var made = await ReportAsync("High", "Behind the garages, Midland Road");
        await ReviewAsync(made.Id, "Red", Today.AddDays(-400), Today.AddDays(-399));
        var teams = await _http.GetFromJsonAsync<JsonElement>("/api/teams");
        var police = teams.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "High Town Neighbourhood Team").GetProperty("id").GetGuid();
        await PostAsync($"/api/problems/{made.Id}/sensitivity", new { sensitive = true, teams = new[] { police } });
        return made;
    }

    private async Task SignInAsync()
    {
        var token = await (await _http.PostAsJsonAsync("/api/auth/token", new { email = "coordinator@octans.test", password = BrowserFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
    }

    private async Task<MadeProblem> ReportAsync(string risk, string place)
    {
        var title = $"{Word} {risk.ToLowerInvariant()} risk";
        var answer = await _http.PostAsJsonAsync("/api/problems", new
        {
            title, statement = "Residents report it at the ward surgery.", category = "Other", area = "High Town", risk,
            location = new { description = place },
        });
        answer.EnsureSuccessStatusCode();
        var made = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return new MadeProblem(made.GetProperty("id").GetGuid(), made.GetProperty("reference").GetString()!, title, place);
    }

    private Task ReviewAsync(Guid id, string rag, DateOnly meetingOn, DateOnly nextReviewOn) =>
        PostAsync($"/api/problems/{id}/reviews", new
        {
            meetingOn = meetingOn.ToString("yyyy-MM-dd"), rag, decision = "Reviewed at tasking.", nextReviewOn = nextReviewOn.ToString("yyyy-MM-dd"),
        });

    /// <summary>Posts a write with the problem's current version, as a client that just read it.</summary>
    private async Task PostAsync(string url, object body)
    {
        var id = url.Split('/')[3];
        var problem = await _http.GetFromJsonAsync<JsonElement>($"/api/problems/{id}");
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["version"] = problem.GetProperty("version").GetInt32();
        var answer = await _http.PostAsJsonAsync(url, fields);
        answer.IsSuccessStatusCode.ShouldBeTrue($"{url}: {await answer.Content.ReadAsStringAsync()}");
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
