using Microsoft.Playwright;

namespace Octans.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture octans)
{
    [Fact]
    public async Task A_coordinator_reports_a_problem_and_lands_on_its_page()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await page.GotoAsync("/report");
        await BrowserFixture.Screenshot(page, "report-desktop");
        await page.GetByLabel("Title").FillAsync("Dark alley behind Wenlock Street");
        await page.GetByLabel("Problem statement").FillAsync("Two lamps out; drug litter found on most mornings.");
        await page.GetByLabel("Category").SelectOptionAsync("Alleyway");
        await page.GetByLabel("High").CheckAsync();
        await page.GetByLabel("Where is it").FillAsync("Alley between Wenlock Street and Burr Street");
        await page.GetByLabel("Latitude (optional)").FillAsync("51.8861");
        await page.GetByLabel("Longitude (optional)").FillAsync("-0.4148");
        await page.GetByRole(AriaRole.Button, new() { Name = "Report problem" }).ClickAsync();

        await page.WaitForURLAsync("**/problems/*");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Dark alley behind Wenlock Street");
        await BrowserFixture.Screenshot(page, "problem-desktop");
    }
}
