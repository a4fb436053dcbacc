using Microsoft.Playwright;

namespace Octans.Browser.Tests;

[Collection(PageWalkCollection.Name)]
public sealed class JourneyTests(BrowserFixture octans)
{
    [Fact]
    public async Task A_coordinator_reports_a_problem_plans_actions_records_a_review_and_advances_the_phase()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, nameof(A_coordinator_reports_a_problem_plans_actions_records_a_review_and_advances_the_phase), async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Report a problem" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync("Dark alley behind Wenlock Street");
            await page.GetByLabel("Problem statement").FillAsync("Two lamps out; drug litter found on most mornings.");
            await page.GetByLabel("Category").SelectOptionAsync("Alleyway");
            await page.GetByLabel("High", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Where is it").FillAsync("Alley between Wenlock Street and Burr Street");
            await page.GetByLabel("Latitude (optional)").FillAsync("51.8861");
            await page.GetByLabel("Longitude (optional)").FillAsync("-0.4148");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Report problem" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Dark alley behind Wenlock Street");
            var reference = (await page.Locator(".govuk-caption-l").TextContentAsync())!.Split(' ')[0];

            var due = DateTime.Today.AddDays(14);
            foreach (var (what, team) in new[] { ("Replace the two dead lamps", "Street Lighting (Luton Council)"), ("Clear the drug litter", "Clean Streets (Luton Council)") })
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Plan an action" }).ClickAsync();
                await page.GetByLabel("What needs doing").FillAsync(what);
                await page.GetByLabel("Team").SelectOptionAsync(new SelectOptionValue { Label = team });
                await page.GetByLabel("Day").FillAsync(due.Day.ToString());
                await page.GetByLabel("Month").FillAsync(due.Month.ToString());
                await page.GetByLabel("Year").FillAsync(due.Year.ToString());
                await page.GetByRole(AriaRole.Button, new() { Name = "Plan action" }).ClickAsync();
                await Expect(page.Locator(".govuk-notification-banner"))
                    .ToContainTextAsync($"Action planned for {team.Split(" (")[0]}, due {due.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}");
            }
            await Expect(page.Locator("[aria-label^='Actions'] tbody tr")).ToHaveCountAsync(2);

            await page.GetByRole(AriaRole.Link, new() { Name = "Record a review" }).ClickAsync();
            var meeting = DateTime.Today;
            var meetingDate = page.GetByRole(AriaRole.Group, new() { Name = "Meeting date" });
            await meetingDate.GetByLabel("Day").FillAsync(meeting.Day.ToString());
            await meetingDate.GetByLabel("Month").FillAsync(meeting.Month.ToString());
            await meetingDate.GetByLabel("Year").FillAsync(meeting.Year.ToString());
            await page.GetByLabel("Amber – improving").CheckAsync();
            await page.GetByLabel("Decision").FillAsync("Lighting repairs agreed; move to Hold once the lamps are fixed.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record review" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Lighting repairs agreed");

            await page.GetByRole(AriaRole.Link, new() { Name = "Move to Hold" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("2 open actions in Clear");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move to Hold" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Give a reason to move on with work still open.");
            await page.GetByLabel("Reason to move on to Hold anyway").FillAsync("Patrols cover the alley while the lamps are on order.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Move to Hold" }).ClickAsync();

            await Expect(page.Locator("h1 + p .govuk-tag").First).ToHaveTextAsync("Hold");
            await Expect(page.Locator(".moj-timeline")).ToContainTextAsync("Patrols cover the alley");
            await Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync(reference);
        });
    }

    [Fact]
    public async Task The_lighting_team_member_completes_a_task_from_the_phone_sized_task_list()
    {
        var page = await octans.SignedIn("lighting@octans.test", width: 360, height: 740);
        await BrowserFixture.Journey(page, nameof(The_lighting_team_member_completes_a_task_from_the_phone_sized_task_list), async () =>
        {
            await page.GotoAsync("/tasks");
            var tasks = page.Locator("section.octans-task");
            var before = await tasks.CountAsync();
            before.ShouldBeGreaterThan(0);
            var first = tasks.First;
            var description = (await first.Locator("h2").TextContentAsync())!.Trim();

            await first.GetByRole(AriaRole.Textbox).FillAsync("Lamps replaced and tested at dusk.");
            await first.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();

            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync(description);
            await Expect(tasks).ToHaveCountAsync(before - 1);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        });
    }

    [Fact]
    public async Task A_task_can_be_completed_with_the_keyboard_alone()
    {
        var page = await octans.SignedIn("streets@octans.test");
        await BrowserFixture.Journey(page, nameof(A_task_can_be_completed_with_the_keyboard_alone), async () =>
        {
            await page.GotoAsync("/tasks");
            var tasks = page.Locator("section.octans-task");
            var before = await tasks.CountAsync();
            before.ShouldBeGreaterThan(0);

            // From the top of the page, Tab until the first task's note box has focus.
            await page.Locator("body").FocusAsync();
            for (var presses = 0; presses < 40 && !await page.EvaluateAsync<bool>("document.activeElement?.tagName === 'TEXTAREA'"); presses++)
                await page.Keyboard.PressAsync("Tab");
            (await page.EvaluateAsync<string>("document.activeElement.tagName")).ShouldBe("TEXTAREA");
            await page.Keyboard.TypeAsync("Litter cleared, area swept.");
            await page.Keyboard.PressAsync("Tab");
            (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldContain("Complete");
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("is done.");
            await Expect(tasks).ToHaveCountAsync(before - 1);
        });
    }

    [Fact]
    public async Task A_mistake_in_a_form_shows_the_error_summary_and_keeps_what_was_typed()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, nameof(A_mistake_in_a_form_shows_the_error_summary_and_keeps_what_was_typed), async () =>
        {
            await page.GotoAsync("/report");
            await page.GetByLabel("Title").FillAsync("Graffiti on the railway bridge");
            await page.GetByLabel("Problem statement").FillAsync("Call 07700 900123 to report tags.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            var summary = page.Locator(".govuk-error-summary");
            await Expect(summary).ToContainTextAsync("places, not people");
            await Expect(summary).ToContainTextAsync("Select the risk");
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Graffiti on the railway bridge");
            await Expect(page.GetByLabel("Problem statement")).ToHaveValueAsync("Call 07700 900123 to report tags.");
            await summary.GetByRole(AriaRole.Link, new() { Name = "Select the risk" }).ClickAsync();
            (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("risk");
        });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
