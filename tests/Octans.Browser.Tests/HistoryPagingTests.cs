using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Octans.Browser.Tests;

/// <summary>A problem with a long history shows its latest notes and events, and pages back through the rest.</summary>
[Collection(PageWalkCollection.Name)]
public sealed class HistoryPagingTests(BrowserFixture octans)
{
    [Fact]
    public async Task The_problem_page_shows_the_latest_notes_and_history_and_pages_back_to_the_first()
    {
        var (id, reference) = await ProblemWithNotesAsync(55);
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, nameof(The_problem_page_shows_the_latest_notes_and_history_and_pages_back_to_the_first), async () =>
        {
            await page.GotoAsync($"/problems/{id}");
            var log = page.Locator("#action-log ~ .govuk-inset-text");
            await Expect(log).ToHaveCountAsync(20);
            await Expect(log.First).ToContainTextAsync("Visit 55");
            await Expect(page.Locator(".moj-timeline__item")).ToHaveCountAsync(50);
            await Expect(page.Locator(".moj-timeline")).Not.ToContainTextAsync($"Reported {reference}");

            await page.GetByRole(AriaRole.Link, new() { Name = "Show earlier notes" }).ClickAsync();
            await Expect(log.First).ToContainTextAsync("Visit 35");
            await page.GetByRole(AriaRole.Link, new() { Name = "Show earlier notes" }).ClickAsync();
            await Expect(log).ToHaveCountAsync(15);
            await Expect(log.Last).ToContainTextAsync("Visit 1");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show earlier notes" })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Link, new() { Name = "Show earlier history" }).ClickAsync();
            await Expect(page.Locator(".moj-timeline")).ToContainTextAsync($"Reported {reference}");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Show earlier history" })).ToHaveCountAsync(0);
        });
    }

    private async Task<(Guid Id, string Reference)> ProblemWithNotesAsync(int notes)
    {
        using var http = new HttpClient { BaseAddress = octans.Address };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "coordinator@octans.test", password = BrowserFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var created = await (await http.PostAsJsonAsync("/api/problems", new
        {
            title = "Bins left out on Burr Street every week", statement = "Residents report bins blocking the pavement.", category = "Other",
            area = "High Town", risk = "Low", location = new { description = "Burr Street" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var (id, version) = (created.GetProperty("id").GetGuid(), created.GetProperty("version").GetInt32());
        for (var n = 1; n <= notes; n++)
        {
            var answer = await http.PostAsJsonAsync($"/api/problems/{id}/notes", new { version, text = $"Visit {n}: bins out again." });
            answer.EnsureSuccessStatusCode();
            version = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }
        return (id, created.GetProperty("reference").GetString()!);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
