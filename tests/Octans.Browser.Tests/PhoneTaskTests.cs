using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Octans.Browser.Tests;

/// <summary>
/// A team member on a phone: the data tables read as cards, and each task on the list is completed, given a new due date or
/// passed to another team from its own card, coming back to the list with what was done.
/// </summary>
[Collection(PageWalkCollection.Name)]
public sealed class PhoneTaskTests(BrowserFixture octans)
{
    [Theory]
    [InlineData(360, "block")]
    [InlineData(1280, "table-row")]
    public async Task A_problems_actions_are_cards_on_a_phone_and_a_table_on_a_desktop(int width, string rowDisplay)
    {
        var problem = await PlanForStreetLightingAsync($"Check the photocell on column {Random.Shared.Next(10, 99)}");
        var page = await octans.SignedIn("coordinator@octans.test", width, 800);
        await BrowserFixture.Journey(page, $"cards-{width}", async () =>
        {
            await page.GotoAsync($"/problems/{problem}");
            var actions = page.Locator("table.octans-cards").First;
            (await actions.Locator("tbody tr").First.EvaluateAsync<string>("row => getComputedStyle(row).display")).ShouldBe(rowDisplay);
            var headings = actions.Locator("thead");
            if (width == 360) (await headings.BoundingBoxAsync())!.Width.ShouldBeLessThanOrEqualTo(1);
            else await Expect(headings).ToContainTextAsync("Status");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
            await AccessibilityTests.AssertAccessible(page);
        });
    }

    [Fact]
    public async Task Each_task_is_given_a_new_date_passed_on_or_completed_from_its_card_and_the_list_says_which()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        // An asset's id, longer than a phone is wide without a break, wraps on the card and in the banner.
        var (moved, passed, done) = ($"Replace lantern {run} on column 7, asset LBC{Guid.NewGuid():N}{Guid.NewGuid():N}", $"Clear fly-tipping {run} under column 9",
            $"Test photocell {run} on column 8");
        await PlanForStreetLightingAsync(moved, passed, done);
        var page = await octans.SignedIn("lighting@octans.test", 360, 740);
        await BrowserFixture.Journey(page, nameof(Each_task_is_given_a_new_date_passed_on_or_completed_from_its_card_and_the_list_says_which), async () =>
        {
            await page.GotoAsync("/tasks");
            var cards = page.Locator("section.octans-task");
            var before = await cards.CountAsync();
            var newDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"))).AddDays(9);
            var card = Card(page, moved);
            await card.Locator("summary", new() { HasText = "Change due date" }).ClickAsync();
            var due = card.GetByRole(AriaRole.Group, new() { Name = "New due date" });
            await due.GetByLabel("Day").FillAsync($"{newDate.Day}");
            await due.GetByLabel("Month").FillAsync($"{newDate.Month}");
            await due.GetByLabel("Year").FillAsync($"{newDate.Year}");
            await card.GetByLabel("Why the date is changing").FillAsync("Waiting for a cherry picker.");
            await AccessibilityTests.AssertAccessible(page);
            await card.Locator("button", new() { HasText = "Change due date" }).ClickAsync();
            await ExpectBackOnTheList(page, $"‘{moved}’ moved to {newDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
            await Expect(Card(page, moved)).ToContainTextAsync($"Due {newDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}");

            card = Card(page, passed);
            await card.Locator("summary", new() { HasText = "needs another team" }).ClickAsync();
            await card.GetByLabel("Which team should do it").SelectOptionAsync(new SelectOptionValue { Label = "Clean Streets (Luton Council)" });
            await card.Locator("button", new() { HasText = "Pass to this team" }).ClickAsync();
            await ExpectBackOnTheList(page, $"‘{passed}’ passed to Clean Streets.");
            await Expect(cards).ToHaveCountAsync(before - 1);

            card = Card(page, done);
            await card.GetByLabel("What was done").FillAsync("Lamp replaced and tested at dusk.");
            await card.Locator("button", new() { HasText = "Complete" }).ClickAsync();
            await ExpectBackOnTheList(page, $"‘{done}’ is done.");
            await Expect(cards).ToHaveCountAsync(before - 2);
        });
    }

    [Fact]
    public async Task A_mistake_on_a_card_opens_it_with_the_error_and_keeps_what_was_typed()
    {
        var page = await octans.SignedIn("streets@octans.test", 360, 740);
        await BrowserFixture.Journey(page, nameof(A_mistake_on_a_card_opens_it_with_the_error_and_keeps_what_was_typed), async () =>
        {
            await page.GotoAsync("/tasks");
            var card = page.Locator("section.octans-task").First;
            await card.Locator("summary", new() { HasText = "Change due date" }).ClickAsync();
            await card.GetByLabel("Why the date is changing").FillAsync("Skip lorry booked later.");
            var due = card.GetByRole(AriaRole.Group, new() { Name = "New due date" });
            foreach (var box in new[] { "Day", "Month", "Year" }) await due.GetByLabel(box).FillAsync("");
            await card.Locator("button", new() { HasText = "Change due date" }).ClickAsync();

            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date the action is due.");
            // The summary's link goes to the card's Day box, as every date's does.
            await page.Locator(".govuk-error-summary a", new() { HasText = "Enter the date the action is due." }).ClickAsync();
            (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldMatch("^dueOn-[0-9a-f-]+-day$");

            // A day that does not exist is refused in the same words as on every other date.
            due = page.Locator("section.octans-task details[open]").GetByRole(AriaRole.Group, new() { Name = "New due date" });
            (await due.GetByLabel("Day").InputValueAsync()).ShouldBe("");
            await due.GetByLabel("Day").FillAsync("31");
            await due.GetByLabel("Month").FillAsync("2");
            await due.GetByLabel("Year").FillAsync($"{DateTime.UtcNow.Year + 1}");
            await page.Locator("section.octans-task details[open] button", new() { HasText = "Change due date" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a real date, for example 30 11 2026");
            (await page.Locator("section.octans-task details[open]").GetByRole(AriaRole.Group, new() { Name = "New due date" }).GetByLabel("Day")
                .InputValueAsync()).ShouldBe("31");
            page.Url.ShouldEndWith("/tasks?handler=reschedule");
            await Expect(page.Locator("section.octans-task details[open] textarea")).ToHaveValueAsync("Skip lorry booked later.");
            await AccessibilityTests.AssertAccessible(page);
        });
    }

    private static ILocator Card(IPage page, string description) =>
        page.Locator("section.octans-task").Filter(new() { Has = page.Locator("h2", new() { HasTextString = description }) });

    /// <summary>
    /// Tasks of the test's own for the Street Lighting team, planned by the coordinator on the first problem in Clear not
    /// marked sensitive; returns that problem's id.
    /// </summary>
    private async Task<string> PlanForStreetLightingAsync(params string[] descriptions)
    {
        using var http = new HttpClient { BaseAddress = octans.Address };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "coordinator@octans.test", password = BrowserFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        var list = await http.GetFromJsonAsync<JsonElement>("/api/problems?phase=Clear");
        var id = list.GetProperty("items").EnumerateArray().First(p => !p.GetProperty("sensitive").GetBoolean()).GetProperty("id").GetString();
        foreach (var description in descriptions)
        {
            var version = (await http.GetFromJsonAsync<JsonElement>($"/api/problems/{id}")).GetProperty("version").GetInt32();
            (await http.PostAsJsonAsync($"/api/problems/{id}/actions", new
            {
                version, description, teamId = StreetLighting, dueOn = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })).EnsureSuccessStatusCode();
        }
        return id!;
    }

    private const string StreetLighting = "0196a000-0000-7000-8000-000000000001";

    private static async Task ExpectBackOnTheList(IPage page, string message)
    {
        await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync(message);
        new Uri(page.Url).AbsolutePath.ShouldBe("/tasks");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
    }
}
