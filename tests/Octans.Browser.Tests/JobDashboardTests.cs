using Microsoft.Playwright;

namespace Octans.Browser.Tests;

[Collection(PageWalkCollection.Name)]
public sealed class JobDashboardTests(BrowserFixture octans)
{
    [Fact]
    public async Task An_admin_opens_the_job_dashboard_from_the_admin_page()
    {
        var page = await octans.SignedIn("admin@octans.test");
        await BrowserFixture.Journey(page, nameof(An_admin_opens_the_job_dashboard_from_the_admin_page), async () =>
        {
            await page.GotoAsync("/admin");
            await page.GetByRole(AriaRole.Link, new() { Name = "Job dashboard" }).ClickAsync();
            await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Octans jobs"));
        });
    }

    [Fact]
    public async Task The_job_dashboard_writes_dates_the_British_way()
    {
        var page = await octans.SignedIn("admin@octans.test");
        await BrowserFixture.Journey(page, nameof(The_job_dashboard_writes_dates_the_British_way), async () =>
        {
            await page.GotoAsync("/hangfire/recurring");
            var next = page.Locator("tr", new() { HasText = "retention-nightly" }).Locator("[data-moment]").First;
            // The recurring job runs at 02:00 London time; its date, day first, is in the tooltip over the relative time.
            await Assertions.Expect(next).ToHaveAttributeAsync("data-original-title", new System.Text.RegularExpressions.Regex(@"^\w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2}$"));
            await BrowserFixture.Screenshot(page, "hangfire-recurring");
        });
    }

    [Theory]
    [InlineData("coordinator@octans.test")]
    [InlineData("councillor@octans.test")]
    public async Task Nobody_but_an_admin_sees_the_job_dashboard(string email)
    {
        var page = await octans.SignedIn(email);
        await BrowserFixture.Journey(page, $"hangfire-refused-{email.Split('@')[0]}", async () =>
        {
            await page.GotoAsync("/hangfire");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You cannot use this page");
        });
    }
}
