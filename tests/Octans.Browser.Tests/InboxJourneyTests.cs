using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Octans.Browser.Tests;

[Collection(PageWalkCollection.Name)]
public sealed class InboxJourneyTests(BrowserFixture octans)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Fact]
    public async Task A_report_taken_near_a_problem_in_Hold_is_attached_from_the_inbox_and_shows_as_a_recurrence_and_as_Hold_decay()
    {
        var (problemId, reference, latitude, longitude) = await AProblemInHold();
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, nameof(A_report_taken_near_a_problem_in_Hold_is_attached_from_the_inbox_and_shows_as_a_recurrence_and_as_Hold_decay), async () =>
        {
            var said = $"Rubbish back by the bins, heard by phone {Guid.NewGuid():N}"[..60];
            await page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Take a report" }).ClickAsync();
            await page.GetByLabel("By phone").CheckAsync();
            await page.GetByLabel("Category").SelectOptionAsync("Fly-tipping");
            await page.GetByLabel("What was reported").FillAsync(said);
            await page.GetByLabel("Where is it").FillAsync("By the bins");
            await page.GetByLabel("Latitude (optional)").FillAsync((latitude + 0.0002).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByLabel("Longitude (optional)").FillAsync(longitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Put it in the inbox" }).ClickAsync();

            await Expect(page.Locator("h1")).ToHaveTextAsync("Fly-tipping at By the bins");
            await AssertAccessible(page);
            await page.GetByLabel(reference, new() { Exact = false }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Attach as a recurrence" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/problems/{problemId}$"));
            await Expect(page.Locator("main")).ToContainTextAsync($"{said} (Phone)");
            await Expect(page.Locator("#hold-decay")).ToContainTextAsync("Slipping back:");

            // Hold decay shows on the board and the dashboard too.
            await page.GotoAsync($"/problems?q={reference}");
            await Expect(page.Locator("table")).ToContainTextAsync("Slipping back");
            await page.GotoAsync("/dashboard");
            await Expect(page.Locator("#slipping-back + p + ul")).ToContainTextAsync(reference);
        });
    }

    [Fact]
    public async Task A_dismissal_without_a_reason_shows_an_accessible_error()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, nameof(A_dismissal_without_a_reason_shows_an_accessible_error), async () =>
        {
            await page.GotoAsync("/inbox/take");
            await page.GetByLabel("On patrol").CheckAsync();
            await page.GetByLabel("Category").SelectOptionAsync("Graffiti");
            await page.GetByLabel("What was reported").FillAsync("New tags on the underpass wall.");
            await page.GetByLabel("Where is it").FillAsync("Underpass by the station");
            await page.GetByRole(AriaRole.Button, new() { Name = "Put it in the inbox" }).ClickAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss the report" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reason");
            await AssertAccessible(page);
        });
    }

    [Theory]
    [InlineData("coordinator@octans.test", "/inbox")]
    [InlineData("coordinator@octans.test", "/inbox/take")]
    [InlineData("coordinator@octans.test", "/inbox/upload")]
    [InlineData("lighting@octans.test", "/inbox/take")]
    public async Task The_inbox_pages_have_no_serious_or_critical_accessibility_problems(string email, string url)
    {
        var page = await octans.SignedIn(email);
        await BrowserFixture.Journey(page, $"axe-{email.Split('@')[0]}-{url.Trim('/').Replace('/', '-')}", async () =>
        {
            await page.GotoAsync(url);
            await AssertAccessible(page);
        });
    }

    private async Task<(Guid Id, string Reference, double Latitude, double Longitude)> AProblemInHold()
    {
        await using var connection = new NpgsqlConnection(octans.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select id, reference, latitude, longitude from octans.problems where phase = 'Hold' and status = 'Open' and latitude is not null order by reference limit 1",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue("The demo has a problem in Hold with a pin.");
        return (reader.GetGuid(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3));
    }

    private static async Task AssertAccessible(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
