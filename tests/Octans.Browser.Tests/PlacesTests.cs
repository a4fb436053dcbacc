using System.Globalization;
using Microsoft.Playwright;

namespace Octans.Browser.Tests;

/// <summary>Places on maps, with the tiles out of reach as in every browser test: pins over a plain background.</summary>
[Collection(PageWalkCollection.Name)]
public sealed class PlacesTests(BrowserFixture octans)
{
    [Fact]
    public async Task The_boards_map_view_keeps_the_filters_and_draws_a_pin_per_problem_that_links_to_it()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, "board-map", async () =>
        {
            await page.GotoAsync("/problems?phase=Clear");
            await page.GetByRole(AriaRole.Link, new() { Name = "Map", Exact = true }).ClickAsync();

            await page.WaitForURLAsync(url => url.Contains("view=map") && url.Contains("phase=Clear"));
            await Assertions.Expect(page.Locator("#board-map")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-needs-script]")).ToBeHiddenAsync();
            var status = await page.Locator("[role=status]").InnerTextAsync();
            var pinned = int.Parse(status.Split(' ')[0], CultureInfo.InvariantCulture);
            pinned.ShouldBeGreaterThan(0);
            await Assertions.Expect(page.Locator("#board-map path.leaflet-interactive")).ToHaveCountAsync(pinned);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Map", Exact = true })).ToHaveAttributeAsync("aria-current", "page");

            await page.Locator("#board-map path.leaflet-interactive").First.ClickAsync(new() { Force = true });
            var link = page.Locator(".leaflet-popup-content a");
            await Assertions.Expect(link).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/problems/[0-9a-f-]{36}$"));

            await page.GetByRole(AriaRole.Link, new() { Name = "List", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("view=map") && url.Contains("phase=Clear"));
            await Assertions.Expect(page.Locator("table.govuk-table")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Dropping_the_pin_on_the_report_form_fills_the_latitude_and_longitude_the_problem_keeps()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, "report-pin", async () =>
        {
            await page.GotoAsync("/report");
            await page.GetByLabel("Title").FillAsync("Broken bench by the pond");
            await page.GetByLabel("Problem statement").FillAsync("The bench by the pond has been broken for a month and people gather there at night.");
            await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await page.GetByLabel("High").CheckAsync();
            await page.GetByLabel("Where is it").FillAsync("The pond, Wardown Park");
            var map = page.Locator("[data-pin-picker]");
            await Assertions.Expect(map).ToBeVisibleAsync();
            (await page.GetByLabel("Latitude (optional)").InputValueAsync()).ShouldBeEmpty();

            await map.ClickAsync(new() { Position = new Position { X = 120, Y = 90 } });

            var latitude = double.Parse(await page.GetByLabel("Latitude (optional)").InputValueAsync(), CultureInfo.InvariantCulture);
            var longitude = double.Parse(await page.GetByLabel("Longitude (optional)").InputValueAsync(), CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator("[data-pin-picker] .leaflet-marker-icon")).ToHaveCountAsync(1);
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Report problem" }).ClickAsync();

            await page.WaitForURLAsync(url => url.Contains("/problems/"));
            await Assertions.Expect(page.Locator(".octans-facts").First)
                .ToContainTextAsync($"{latitude.ToString("0.00000", CultureInfo.InvariantCulture)}, {longitude.ToString("0.00000", CultureInfo.InvariantCulture)}");
            await Assertions.Expect(page.Locator("#map")).ToBeVisibleAsync();
        });
    }
}
