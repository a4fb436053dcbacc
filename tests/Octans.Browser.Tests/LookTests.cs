namespace Octans.Browser.Tests;

/// <summary>Screenshots of every page at desktop and phone widths, kept in tests/Octans.Browser.Tests/screenshots for people to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LookTests(BrowserFixture octans)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "coordinator@octans.test", "/problems", "board" },
        { "coordinator@octans.test", "first-problem", "problem" },
        { "coordinator@octans.test", "first-problem/plan-action", "plan-action" },
        { "coordinator@octans.test", "/report", "report" },
        { "coordinator@octans.test", "/dashboard", "dashboard" },
        { "lighting@octans.test", "/tasks", "tasks" },
        { "councillor@octans.test", "first-problem", "problem-councillor" },
        { "admin@octans.test", "/admin/users", "admin-users" },
        { "admin@octans.test", "/admin/changes", "admin-changes" },
        { "admin@octans.test", "/admin/keys", "admin-keys" },
        { "coordinator@octans.test", "/inbox", "inbox" },
        { "coordinator@octans.test", "/meetings", "meetings" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_fits_a_desktop_and_a_360_pixel_phone(string email, string url, string name)
    {
        foreach (var (width, label) in new[] { (1280, "desktop"), (360, "phone") })
        {
            var page = await octans.SignedIn(email, width, 800);
            await BrowserFixture.Journey(page, $"look-{name}-{label}", async () =>
            {
                await page.GotoAsync(await AccessibilityTests.Resolve(page, url));
                await BrowserFixture.Screenshot(page, $"{name}-{label}");
                // Nothing may force sideways scrolling on a phone.
                (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
            });
        }
    }
}
