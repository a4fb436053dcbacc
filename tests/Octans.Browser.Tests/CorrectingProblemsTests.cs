using Microsoft.Playwright;
using Npgsql;
using Octans.Api.Reports.Archive;

namespace Octans.Browser.Tests;

/// <summary>
/// Putting a problem right: answers checked before a report is made, Change links on the problem's page, closing set
/// apart, a phase moved on only with its work named, and pages that are not there or that fail said so in the same style.
/// Each at a desktop's width and a phone's.
/// </summary>
[Collection(JourneyCollection.Name)]
public sealed class CorrectingProblemsTests(BrowserFixture octans)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_report_is_checked_changed_and_then_made(int width)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"check-answers-{width}", async () =>
        {
            await FillReport(page, $"Fly-tipping by the Burr Street bins {width}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers before reporting the problem");
            var answers = page.Locator("main .govuk-summary-list");
            await Expect(answers).ToContainTextAsync($"Fly-tipping by the Burr Street bins {width}");
            await Expect(answers).ToContainTextAsync("Latitude 51.8861, longitude -0.4148");
            await AccessibilityTests.AssertAccessible(page);
            await FitsTheScreen(page, width);

            await page.GetByRole(AriaRole.Link, new() { Name = "Change Title", Exact = true }).ClickAsync();
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync($"Fly-tipping by the Burr Street bins {width}");
            await Expect(page.GetByLabel("Problem statement")).ToHaveValueAsync("Bags dumped by the bins every weekend; rats seen.");
            await Expect(page.GetByLabel("Latitude (optional)")).ToHaveValueAsync("51.8861");
            await page.GetByLabel("Title").FillAsync($"Fly-tipping behind the Burr Street shops {width}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            await Expect(answers).ToContainTextAsync($"Fly-tipping behind the Burr Street shops {width}");
            await Expect(answers).Not.ToContainTextAsync("by the Burr Street bins");
            await page.GetByRole(AriaRole.Button, new() { Name = "Report problem" }).ClickAsync();

            await Expect(page.Locator("h1")).ToHaveTextAsync($"Fly-tipping behind the Burr Street shops {width}");
            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("was reported");
            // Reported once: the check-answers page has nothing left to report.
            await page.GotoAsync("/report/check");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Report a problem");
        });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_problem_page_has_Change_links_for_its_details_and_keeps_closing_apart(int width)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"change-links-{width}", async () =>
        {
            await Report(page, $"Graffiti on the North Street underpass {width}");
            var details = page.Locator("h2#details + dl");

            await details.GetByRole(AriaRole.Link, new() { Name = "Change title" }).ClickAsync();
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync($"Graffiti on the North Street underpass {width}");
            await page.GetByLabel("Title").FillAsync($"Tags on the North Street underpass {width}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change title" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync($"Tags on the North Street underpass {width}");

            await details.GetByRole(AriaRole.Link, new() { Name = "Change risk" }).ClickAsync();
            await page.GetByLabel("Low", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Change risk" }).ClickAsync();
            await Expect(details).ToContainTextAsync("Low");

            await details.GetByRole(AriaRole.Link, new() { Name = "Change category" }).ClickAsync();
            await page.GetByLabel("Category").SelectOptionAsync("Graffiti");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change category" }).ClickAsync();
            await Expect(details).ToContainTextAsync("Graffiti");

            await details.GetByRole(AriaRole.Link, new() { Name = "Change problem statement" }).ClickAsync();
            await page.GetByLabel("Problem statement").FillAsync("Tags renewed every week on both walls of the underpass.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change problem statement" }).ClickAsync();
            await Expect(details).ToContainTextAsync("Tags renewed every week");
            (await details.GetByRole(AriaRole.Link, new() { Name = "Change place" }).GetAttributeAsync("href")).ShouldEndWith("/place");

            await Expect(page.Locator(".govuk-button-group").GetByText("Close problem")).ToHaveCountAsync(0);
            var closing = page.Locator("#close");
            await Expect(closing.GetByRole(AriaRole.Heading, new() { Name = "Close the problem" })).ToBeVisibleAsync();
            await Expect(closing.GetByRole(AriaRole.Link, new() { Name = "Close problem" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-button--warning"));
            await AccessibilityTests.AssertAccessible(page);
            await FitsTheScreen(page, width);
        });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Moving_on_names_the_open_actions_and_the_criteria_and_a_phase_without_criteria_needs_one_or_a_reason(int width)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"advance-{width}", async () =>
        {
            await Report(page, $"Dark footpath to the station {width}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Plan an action" }).ClickAsync();
            await page.GetByLabel("What needs doing").FillAsync("Replace the lamp in column 3");
            await page.GetByLabel("Team").SelectOptionAsync(new SelectOptionValue { Label = "Street Lighting (Luton Council)" });
            var due = DateTime.Today.AddDays(10);
            await page.GetByLabel("Day").FillAsync(due.Day.ToString());
            await page.GetByLabel("Month").FillAsync(due.Month.ToString());
            await page.GetByLabel("Year").FillAsync(due.Year.ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan action" }).ClickAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Move to Hold" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Move to Hold");
            var action = page.Locator("#open-actions a");
            await Expect(action).ToHaveTextAsync("Replace the lamp in column 3");
            (await action.GetAttributeAsync("href"))!.ShouldContain("#action-");
            await Expect(page.Locator("#no-criteria")).ToContainTextAsync("Nothing says when Clear is done.");
            await AccessibilityTests.AssertAccessible(page);
            await FitsTheScreen(page, width);

            await page.GetByRole(AriaRole.Button, new() { Name = "Move to Hold" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give a reason to move on with work still open.");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Move to Hold");

            await page.GetByRole(AriaRole.Link, new() { Name = "Add an exit criterion for Clear" }).ClickAsync();
            await page.GetByLabel("What must be true to leave the phase").FillAsync("All columns lit on two night inspections");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add exit criterion" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Move to Hold" }).ClickAsync();
            await Expect(page.Locator("#no-criteria")).ToHaveCountAsync(0);
            await Expect(page.Locator("#unmet-criteria")).ToContainTextAsync("All columns lit on two night inspections");
            var meet = page.Locator("#unmet-criteria").GetByRole(AriaRole.Link, new() { Name = "All columns lit on two night inspections" });
            await Expect(meet).ToContainTextAsync("Mark as met");
            (await meet.GetAttributeAsync("href"))!.ShouldEndWith("/meet");

            await page.GetByLabel("Reason to move on to Hold anyway").FillAsync("Agreed at tasking: patrols cover the path while the lamp is on order.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move to Hold" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("moved from Clear to Hold");
            await Expect(page.Locator("h1 + p .govuk-tag").First).ToHaveTextAsync("Hold");

            await page.GetByRole(AriaRole.Link, new() { Name = "Move to Build" }).ClickAsync();
            await Expect(page.Locator("#no-criteria")).ToContainTextAsync("Nothing says when Hold is done.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move to Build" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Add an exit criterion for Hold, or give a reason to move on without one.");
        });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_problem_in_Build_is_led_to_closing_not_to_another_phase(int width)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"build-closes-{width}", async () =>
        {
            await page.GotoAsync("/problems?phase=Build");
            await page.Locator("table a").First.ClickAsync();
            await Expect(page.Locator("h1 + p .govuk-tag").First).ToHaveTextAsync("Build");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Move to" })).ToHaveCountAsync(0);
            await Expect(page.Locator("#close")).ToContainTextAsync("Build is the last phase.");

            await page.GotoAsync(page.Url.Split('#')[0] + "/advance");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Build is the last phase");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Move to Build");
            await AccessibilityTests.AssertAccessible(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Close the problem" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Close the problem");
        });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task An_unknown_page_or_problem_is_page_not_found_and_the_api_still_answers_json(int width)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"not-found-{width}", async () =>
        {
            foreach (var url in new[] { "/no-such-page", $"/problems/{Guid.NewGuid()}", $"/problems/{Guid.NewGuid()}/advance" })
            {
                var response = await page.GotoAsync(url);
                response!.Status.ShouldBe(404, url);
                await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
                await Expect(page).ToHaveTitleAsync("Page not found – Octans");
            }
            await AccessibilityTests.AssertAccessible(page);
            await FitsTheScreen(page, width);

            var api = await page.APIRequest.GetAsync("/api/no-such-route", new() { Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
            api.Status.ShouldBe(404);
            api.Headers["content-type"].ShouldStartWith("application/problem+json");
        });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Something_unexpected_is_the_service_problem_page_with_a_500(int width)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"service-problem-{width}", async () =>
        {
            // The dashboard lists the kept packs; with their table gone it fails as no page should.
            await using var connection = new NpgsqlConnection(octans.ConnectionString);
            await connection.OpenAsync();
            await Execute(connection, $"alter table {MonthlyPackStorage.Table} rename to hidden_packs_{width}");
            try
            {
                var response = await page.GotoAsync("/dashboard");
                response!.Status.ShouldBe(500);
                await Expect(page.Locator("h1")).ToHaveTextAsync("Sorry, there is a problem with the service");
                (await page.ContentAsync()).ShouldNotContain("hidden_packs");
                await AccessibilityTests.AssertAccessible(page);
                await FitsTheScreen(page, width);
            }
            finally
            {
                await Execute(connection, $"alter table {MonthlyPackStorage.Table.Split('.')[0]}.hidden_packs_{width} rename to {MonthlyPackStorage.Name}");
            }
        });
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task FillReport(IPage page, string title)
    {
        await page.GotoAsync("/report");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Problem statement").FillAsync("Bags dumped by the bins every weekend; rats seen.");
        await page.GetByLabel("Category").SelectOptionAsync("Fly-tipping");
        await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Where is it").FillAsync("Burr Street, behind the shops");
        await page.GetByLabel("Latitude (optional)").FillAsync("51.8861");
        await page.GetByLabel("Longitude (optional)").FillAsync("-0.4148");
    }

    private static async Task Report(IPage page, string title)
    {
        await FillReport(page, title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report problem" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    private static async Task FitsTheScreen(IPage page, int width) =>
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
