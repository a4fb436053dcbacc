using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Octans.Domain;

namespace Octans.Browser.Tests;

/// <summary>The board and the dashboard answer what needs chasing, on a desktop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardAndDashboardTests(BrowserFixture octans)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_board_counts_follow_the_filters_each_tag_removes_its_filter_and_open_problems_show_by_default(int width)
    {
        await using var story = new BoardStory(octans);
        var (a, b, c) = await story.ThreeAsync();
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"board-filters-{width}", async () =>
        {
            await page.GotoAsync($"/problems?q={story.Word}");
            await Expect(Status(page)).ToHaveTextAsync("2 problems match these filters");
            await Expect(Counts(page)).ToHaveTextAsync(["1 Clear", "1 Hold", "0 Build", "1 Closed"]);
            await Expect(Tags(page)).ToHaveTextAsync([$"Remove this filter “{story.Word}”"]);
            await Expect(Rows(page)).ToHaveCountAsync(2);
            (await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.octans-filter select')]
                  .filter(s => s.getBoundingClientRect().right > s.closest('.moj-filter').getBoundingClientRect().right).map(s => s.name)
                """)).ShouldBeEmpty("a filter's choice runs out of the filter panel");

            await page.GetByLabel("Phase", new() { Exact = true }).SelectOptionAsync("Hold");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await Expect(Status(page)).ToHaveTextAsync("1 problem matches these filters");
            await Expect(Counts(page)).ToHaveTextAsync(["1 Clear", "1 Hold", "0 Build", "1 Closed"]);
            await Expect(Tags(page)).ToHaveTextAsync([$"Remove this filter “{story.Word}”", "Remove this filter Hold"]);
            await Expect(Rows(page)).ToHaveTextAsync([new Regex(b.Reference)]);

            await Tags(page).Filter(new() { HasText = "Hold" }).ClickAsync();
            await Expect(Tags(page)).ToHaveTextAsync([$"Remove this filter “{story.Word}”"]);
            await Expect(Status(page)).ToHaveTextAsync("2 problems match these filters");

            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("Closed");
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await Expect(Rows(page)).ToHaveTextAsync([new Regex(c.Reference)]);
            await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Open and closed" });
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
            await Expect(Status(page)).ToHaveTextAsync("3 problems match these filters");
            await Expect(Tags(page)).ToHaveTextAsync([$"Remove this filter “{story.Word}”", "Remove this filter Open and closed"]);

            await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
            await Expect(Tags(page)).ToHaveCountAsync(0);
            await Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ open problems$"));
            await Expect(Rows(page).Filter(new() { HasText = b.Reference })).ToHaveCountAsync(1);
            await Expect(Rows(page).Filter(new() { HasText = c.Reference })).ToHaveCountAsync(0);
            await AccessibilityTests.AssertAccessible(page);
        });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_board_sorts_by_each_order_and_each_row_gives_the_place_and_flags_a_review_overdue(int width)
    {
        await using var story = new BoardStory(octans);
        var (a, b, c) = await story.ThreeAsync();
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"board-sorting-{width}", async () =>
        {
            await page.GotoAsync($"/problems?q={story.Word}&status=Any");
            await Expect(Rows(page)).ToHaveTextAsync(Order(c, b, a));
            foreach (var (order, expected) in new[] { ("Highest risk", Order(b, c, a)), ("Lowest confidence", Order(a, c, b)), ("Next review due", Order(a, b, c)), ("Most recently updated", Order(c, b, a)) })
            {
                await page.GetByLabel("Sort by", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = order });
                await page.GetByRole(AriaRole.Button, new() { Name = "Sort", Exact = true }).ClickAsync();
                await Expect(Rows(page)).ToHaveTextAsync(expected);
                await Expect(Status(page)).ToHaveTextAsync("3 problems match these filters");
            }

            var rowA = Rows(page).Filter(new() { HasText = a.Reference });
            await Expect(rowA).ToContainTextAsync(a.Place);
            await Expect(rowA.Locator(".govuk-tag", new() { HasText = "Review overdue" })).ToBeVisibleAsync();
            await Expect(rowA).ToContainTextAsync($"next review was due {London.Written(BoardStory.Today.AddDays(-399))}");
            var rowB = Rows(page).Filter(new() { HasText = b.Reference });
            await Expect(rowB).ToContainTextAsync(b.Place);
            await Expect(rowB).Not.ToContainTextAsync("Review overdue");
            await Expect(Rows(page).Filter(new() { HasText = c.Reference })).ToContainTextAsync(c.Place);
            await AccessibilityTests.AssertAccessible(page);

            await page.GotoAsync($"/problems?q={story.Word}&sort=loudest");
            var error = page.Locator(".govuk-error-summary a", new() { HasText = "Sort by updated, risk, confidence or nextReview." });
            await Expect(error).ToHaveAttributeAsync("href", "#sort");
            await Expect(page.GetByLabel("Sort by", new() { Exact = true })).ToHaveAttributeAsync("id", "sort");
        });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_dashboard_lists_overdue_actions_by_team_reviews_overdue_confidence_and_what_changed(int width)
    {
        await using var story = new BoardStory(octans);
        var (a, _, _) = await story.ThreeAsync();
        var page = await octans.SignedIn("coordinator@octans.test", width);
        await BrowserFixture.Journey(page, $"dashboard-lists-{width}", async () =>
        {
            await page.GotoAsync("/dashboard");
            var firstTeam = page.Locator("table.octans-overdue-actions").First;
            await Expect(firstTeam.Locator("thead th")).ToHaveTextAsync(["Action", "Where", "Due", "Days late"]);
            var action = firstTeam.Locator("tbody tr").First;
            await Expect(action.Locator("td").Nth(3)).ToHaveTextAsync(new Regex(@"^\s*[1-9]\d*\s*$"));
            await Expect(action.Locator("td").Nth(2)).ToHaveTextAsync(new Regex(@"^\s*\d{1,2} [A-Z][a-z]+ \d{4}\s*$"));
            var description = (await action.Locator("td").First.InnerTextAsync()).Split('\n')[0].Trim();

            var review = page.Locator("table.octans-reviews-overdue tbody tr").Filter(new() { HasText = a.Reference });
            await Expect(review).ToContainTextAsync(a.Reference);
            await Expect(review).ToContainTextAsync(London.Written(BoardStory.Today.AddDays(-399)));
            await Expect(review.Locator("td").Nth(2)).ToHaveTextAsync("399");

            await Expect(page.Locator(".octans-confidence li")).ToHaveTextAsync(
                [new Regex(@"^\s*\d+\s+Red\s*$"), new Regex(@"^\s*\d+\s+Amber\s*$"), new Regex(@"^\s*\d+\s+Green\s*$"), new Regex(@"^\s*\d+\s+Not yet rated\s*$")]);
            var changes = page.Locator("table.octans-changes");
            await Expect(changes.Locator("thead th").Nth(1)).ToHaveTextAsync(new Regex(" so far$"));
            await Expect(changes.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(new Regex(@"^[1-9]\d*$"));
            await AccessibilityTests.AssertAccessible(page);

            await action.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync(description);
        });
    }

    [Fact]
    public async Task A_sensitive_problem_is_on_the_coordinators_dashboard_and_not_on_the_councillors()
    {
        await using var story = new BoardStory(octans);
        var hidden = await story.SensitiveAsync();
        foreach (var (email, shown) in new[] { ("coordinator@octans.test", true), ("councillor@octans.test", false) })
        {
            var page = await octans.SignedIn(email, 360);
            await BrowserFixture.Journey(page, $"dashboard-sensitive-{email.Split('@')[0]}", async () =>
            {
                await page.GotoAsync("/dashboard");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reviews overdue" })).ToBeVisibleAsync();
                if (shown) await Expect(page.Locator("table.octans-reviews-overdue")).ToContainTextAsync(hidden.Reference);
                else await Expect(page.Locator("main")).Not.ToContainTextAsync(hidden.Title);
                await AccessibilityTests.AssertAccessible(page);
            });
        }
    }

    private static ILocator Status(IPage page) => page.Locator("main p[role=status]");
    private static ILocator Counts(IPage page) => page.Locator("nav[aria-label^='Problems per phase'] li");
    private static ILocator Tags(IPage page) => page.Locator(".moj-filter__tag");
    private static ILocator Rows(IPage page) => page.Locator("table.govuk-table tbody tr");
    private static Regex[] Order(params MadeProblem[] problems) => [.. problems.Select(p => new Regex(Regex.Escape(p.Reference)))];

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
