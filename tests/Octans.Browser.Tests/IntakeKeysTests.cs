using System.Net;
using Microsoft.Playwright;

namespace Octans.Browser.Tests;

[Collection(PageWalkCollection.Name)]
public sealed class IntakeKeysTests(BrowserFixture octans)
{
    [Fact]
    public async Task An_administrator_makes_a_key_that_sends_reports_until_it_is_revoked()
    {
        var page = await octans.SignedIn("admin@octans.test");
        var sender = $"Test sender {Guid.NewGuid():N}"[..24];
        await BrowserFixture.Journey(page, "open311-keys", async () =>
        {
            await page.GotoAsync("/admin");
            await page.GetByRole(AriaRole.Link, new() { Name = "Open311 keys" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the name of the system");

            await page.GetByLabel("Sending system").FillAsync(sender);
            await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
            await Assertions.Expect(page.Locator("#new-key")).ToContainTextAsync($"Key made for {sender}");
            var key = (await page.Locator("#api-key").InnerTextAsync()).Trim();
            (await PostReport(key)).ShouldBe(HttpStatusCode.OK);

            await page.GotoAsync("/admin/keys");
            (await page.Locator("main").InnerTextAsync()).ShouldNotContain(key, Case.Sensitive, "a key is shown once");
            await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke the key for {sender}" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"The key for {sender} is revoked");
            (await PostReport(key)).ShouldBe(HttpStatusCode.Forbidden);
        });
    }

    private async Task<HttpStatusCode> PostReport(string key)
    {
        using var http = new HttpClient { BaseAddress = octans.Address };
        using var answer = await http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "fly-tipping", ["lat"] = "51.8843", ["long"] = "-0.4142",
            ["description"] = "Bags dumped by the garages.",
        }));
        return answer.StatusCode;
    }
}
