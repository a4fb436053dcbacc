using Microsoft.Playwright;

namespace Octans.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PackJourneyTests(BrowserFixture octans)
{
    [Fact]
    public async Task A_coordinator_produces_last_months_pack_and_watches_it_being_made()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, nameof(A_coordinator_produces_last_months_pack_and_watches_it_being_made), async () =>
        {
            await ProducePack(page);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the pack (PDF)" }).ClickAsync());
            download.SuggestedFilename.ShouldStartWith("octans-high-town-");
            var path = await download.PathAsync();
            (await File.ReadAllBytesAsync(path))[..5].ShouldBe("%PDF-"u8.ToArray());
        });
    }

    [Fact]
    public async Task A_councillor_downloads_a_pack_and_finds_no_edit_controls()
    {
        var coordinator = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(coordinator, "produce-pack-for-councillor", () => ProducePack(coordinator));

        var page = await octans.SignedIn("councillor@octans.test");
        await BrowserFixture.Journey(page, nameof(A_councillor_downloads_a_pack_and_finds_no_edit_controls), async () =>
        {
            await page.GotoAsync("/dashboard");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Produce pack" })).ToHaveCountAsync(0);
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href^='/packs/']").First.ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".pdf");
            (await File.ReadAllBytesAsync(await download.PathAsync()))[..5].ShouldBe("%PDF-"u8.ToArray());

            foreach (var url in new[] { "/problems", "/dashboard", await AccessibilityTests.Resolve(page, "first-problem") })
            {
                await page.GotoAsync(url);
                // The only form a councillor ever sees is signing out.
                var forms = await page.Locator("main form[method='post'], main form[method='POST']").CountAsync();
                forms.ShouldBe(0, $"{url} offers a councillor a form");
                foreach (var control in new[] { "Plan an action", "Record a review", "Close problem", "Add note", "Report a problem", "Complete", "Produce pack" })
                    (await page.GetByRole(AriaRole.Button, new() { Name = control }).CountAsync()
                        + await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = control, Exact = true }).CountAsync()).ShouldBe(0, $"{url} shows '{control}'");
            }
            await BrowserFixture.Screenshot(page, "dashboard-councillor");
        });
    }

    private static async Task ProducePack(IPage page)
    {
        await page.GotoAsync("/dashboard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Produce pack" }).ClickAsync();
        await page.WaitForURLAsync("**/packs/jobs/*");
        // The job page refreshes itself every two seconds until the pack is ready.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The pack is ready" })).ToBeVisibleAsync(new() { Timeout = 90_000 });
    }
}
