namespace Octans.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LookTests(BrowserFixture octans)
{
    [Fact]
    public async Task Pages_render_at_desktop_and_phone_widths()
    {
        foreach (var (who, url, name) in new[]
        {
            ("coordinator@octans.test", "/problems", "board"),
            ("lighting@octans.test", "/tasks", "tasks"),
            ("admin@octans.test", "/admin/users", "admin-users"),
        })
        {
            foreach (var (width, label) in new[] { (1280, "desktop"), (360, "phone") })
            {
                var page = await octans.SignedIn(who, width, 800);
                await page.GotoAsync(url);
                await BrowserFixture.Screenshot(page, $"{name}-{label}");
                await page.Context.CloseAsync();
            }
        }
    }
}
