using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Octans.Browser.Tests;

/// <summary>The GOV.UK error and confirmation patterns on the forms, and a page's change decided again when it went stale.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormPatternsTests(BrowserFixture octans)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task A_form_with_errors_says_Error_in_its_title_lists_them_in_field_order_and_links_a_date_to_its_Day_box(int width, int height)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width, height);
        await BrowserFixture.Journey(page, $"form-errors-{width}", async () =>
        {
            await page.GotoAsync(await AccessibilityTests.Resolve(page, "first-problem/plan-action"));
            await Expect(page).ToHaveTitleAsync(new Regex("^Plan an action"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan action" }).ClickAsync();

            await Expect(page).ToHaveTitleAsync(new Regex("^Error: Plan an action"));
            var links = page.Locator(".govuk-error-summary__list a");
            await Expect(links).ToHaveTextAsync(["Enter what needs doing", "Select the team", "Enter the due date"]);
            (await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ShouldBe(["#description", "#teamId", "#dueOn-day"]);
            await Expect(page.Locator("#description-error")).ToContainTextAsync("Enter what needs doing");
            await AccessibilityTests.AssertAccessible(page);

            await links.Nth(2).ClickAsync();
            (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("dueOn-day");

            var count = page.Locator(".govuk-character-count");
            await Expect(count.Locator(".govuk-character-count__status")).ToHaveTextAsync("You have 500 characters remaining");
            await page.GetByLabel("What needs doing").FillAsync("Sweep the alley");
            await Expect(count.Locator(".govuk-character-count__status")).ToHaveTextAsync("You have 485 characters remaining");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        });
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task A_change_says_what_it_changed(int width, int height)
    {
        var page = await octans.SignedIn("coordinator@octans.test", width, height);
        await BrowserFixture.Journey(page, $"form-confirmation-{width}", async () =>
        {
            await ReportAsync(page, $"Bins left on the pavement ({width})");
            await page.GetByRole(AriaRole.Link, new() { Name = "Record a review" }).ClickAsync();
            var today = DateTime.Today;
            var next = today.AddDays(42);
            await FillDateAsync(page, "Meeting date", today);
            await page.GetByLabel("Amber – improving").CheckAsync();
            await page.GetByLabel("Decision").FillAsync("Clean Streets to sweep weekly.");
            await FillDateAsync(page, "Next review (optional)", next);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();

            await Expect(page.Locator(".govuk-notification-banner--success"))
                .ToContainTextAsync($"Review recorded: confidence Amber, next review {Written(next)}");
            await AccessibilityTests.AssertAccessible(page);
        });
    }

    [Fact]
    public async Task A_note_added_meanwhile_does_not_stop_planning_an_action_but_a_phase_moved_meanwhile_does_and_the_page_says_who_moved_it()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, "form-conflicts", async () =>
        {
            var reference = await ReportAsync(page, "Shopping trolleys in the brook");
            var problem = page.Url;
            var other = await page.Context.NewPageAsync();
            var due = DateTime.Today.AddDays(7);

            await page.GotoAsync($"{problem}/plan-action");
            await PlanAsync(page, "Pull the trolleys out", due);
            await other.GotoAsync(problem);
            await other.GetByLabel("Add a note").FillAsync("The brook is high after the rain.");
            await other.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
            await Expect(other.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan action" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success"))
                .ToContainTextAsync($"Action planned for Clean Streets, due {Written(due)}");

            await page.GotoAsync($"{problem}/plan-action");
            await PlanAsync(page, "Ask the landowner to fence the bank", due);
            await other.GotoAsync($"{problem}/advance");
            await other.GetByLabel("Reason to move on to Hold anyway").FillAsync("Agreed at tasking: the brook is watched by patrols.");
            await other.GetByRole(AriaRole.Button, new() { Name = "Move to Hold" }).ClickAsync();
            await Expect(other.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{reference} moved from Clear to Hold");
            var name = (await page.Locator(".octans-header__user > span").First.TextContentAsync())!.Split(" signed in as")[0].Trim();
            await page.GetByRole(AriaRole.Button, new() { Name = "Plan action" }).ClickAsync();

            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync($"{reference} changed while you had this page open");
            await Expect(page.Locator(".govuk-inset-text li"))
                .ToHaveTextAsync(new Regex($"^{Regex.Escape(name)} \\(coordinator\\) moved {reference} from Clear to Hold at \\d{{1,2}}(:\\d\\d)?(am|pm)$|^{Regex.Escape(name)} \\(coordinator\\) moved {reference} from Clear to Hold at (midday|midnight)$"));
            await Expect(page.GetByLabel("What needs doing")).ToHaveValueAsync("Ask the landowner to fence the bank");
            await Expect(page.GetByLabel("Day")).ToHaveValueAsync(due.Day.ToString(CultureInfo.InvariantCulture));
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        });
    }

    private static async Task<string> ReportAsync(IPage page, string title)
    {
        await page.GotoAsync("/report");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Problem statement").FillAsync("Seen on most mornings by the street cleaners.");
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Medium", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Where is it").FillAsync("Brook Street");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Report problem" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        return (await page.Locator(".govuk-caption-l").TextContentAsync())!.Split(' ')[0];
    }

    private static async Task PlanAsync(IPage page, string what, DateTime due)
    {
        await page.GetByLabel("What needs doing").FillAsync(what);
        await page.GetByLabel("Team").SelectOptionAsync(new SelectOptionValue { Label = "Clean Streets (Luton Council)" });
        await FillDateAsync(page, "Due date", due);
    }

    private static async Task FillDateAsync(IPage page, string legend, DateTime day)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(day.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(day.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(day.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static string Written(DateTime day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
