using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Octans.Browser.Tests;

[Collection(JourneyCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture octans)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    public static TheoryData<string, string> Pages => new()
    {
        { "coordinator@octans.test", "/problems" },
        { "coordinator@octans.test", "/problems?phase=Hold&overdue=true" },
        { "coordinator@octans.test", "/report" },
        { "coordinator@octans.test", "/problems?view=map" },
        { "coordinator@octans.test", "first-problem/place" },
        { "coordinator@octans.test", "first-problem" },
        { "coordinator@octans.test", "first-problem/plan-action" },
        { "coordinator@octans.test", "first-problem/close" },
        { "coordinator@octans.test", "first-problem/advance" },
        { "coordinator@octans.test", "first-problem/title" },
        { "coordinator@octans.test", "/dashboard" },
        { "lighting@octans.test", "/tasks" },
        { "councillor@octans.test", "/dashboard" },
        { "councillor@octans.test", "first-problem" },
        { "admin@octans.test", "/admin" },
        { "admin@octans.test", "/admin/users" },
        { "admin@octans.test", "/admin/users/new" },
        { "admin@octans.test", "/admin/teams" },
        { "admin@octans.test", "/admin/keys" },
        { "admin@octans.test", "/admin/categories" },
        { "admin@octans.test", "/admin/changes" },
        { "admin@octans.test", "/admin/retention" },
        { "coordinator@octans.test", "/accessibility" },
        { "councillor@octans.test", "/privacy" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_or_critical_accessibility_problems(string email, string url)
    {
        var page = await octans.SignedIn(email);
        await BrowserFixture.Journey(page, $"axe-{email.Split('@')[0]}-{url.Trim('/').Replace('/', '-').Replace('?', '-')}", async () =>
        {
            await page.GotoAsync(await Resolve(page, url));
            await AssertAccessible(page);
        });
    }

    [Fact]
    public async Task The_sign_in_page_and_its_error_summary_have_no_serious_or_critical_accessibility_problems()
    {
        var context = await octans.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = octans.Address.ToString() });
        var page = await context.NewPageAsync();
        await BrowserFixture.Journey(page, "axe-sign-in", async () =>
        {
            await page.GotoAsync("/sign-in");
            await AssertAccessible(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await AssertAccessible(page);
        });
    }

    [Theory]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    public async Task The_statements_read_without_signing_in_have_no_serious_or_critical_accessibility_problems(string url)
    {
        var context = await octans.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = octans.Address.ToString() });
        var page = await context.NewPageAsync();
        await BrowserFixture.Journey(page, $"axe-anonymous-{url.Trim('/')}", async () =>
        {
            await page.GotoAsync("/sign-in");
            await page.GetByRole(AriaRole.Link, new() { Name = url == "/privacy" ? "Privacy notice" : "Accessibility statement" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"{url}$"));
            await AssertAccessible(page);
        });
    }

    [Fact]
    public async Task A_form_showing_errors_has_no_serious_or_critical_accessibility_problems()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, "axe-report-errors", async () =>
        {
            await page.GotoAsync("/report");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await AssertAccessible(page);
        });
    }

    [Fact]
    public async Task The_community_page_read_without_signing_in_on_a_phone_has_no_serious_or_critical_accessibility_problems()
    {
        var context = await octans.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = octans.Address.ToString(), ViewportSize = new ViewportSize { Width = 375, Height = 667 },
        });
        var page = await context.NewPageAsync();
        await BrowserFixture.Journey(page, "axe-community", async () =>
        {
            await page.GotoAsync("/community/HT");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You said, we did" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("main li").First).ToBeVisibleAsync();
            (await page.ContentAsync()).ShouldNotContain("Midland Road arches");
            await AssertAccessible(page);
        });
    }

    internal static async Task AssertAccessible(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>"first-problem" stands for the first problem on the board, so the test does not depend on ids.</summary>
    public static async Task<string> Resolve(IPage page, string url)
    {
        if (!url.StartsWith("first-problem")) return url;
        await page.GotoAsync("/problems?phase=Clear");
        var href = await page.Locator("table a").First.GetAttributeAsync("href");
        return href + url["first-problem".Length..];
    }
}
