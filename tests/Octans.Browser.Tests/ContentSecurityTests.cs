using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Octans.Browser.Tests;

/// <summary>The job dashboard and the API docs bring scripts of their own; they must still work under Octans' content security policy.</summary>
[Collection(PageWalkCollection.Name)]
public sealed class ContentSecurityTests(BrowserFixture octans)
{
    [Fact]
    public async Task The_job_dashboard_works_under_the_policy()
    {
        var page = await octans.SignedIn("admin@octans.test");
        var refused = Refusals(page);
        await BrowserFixture.Journey(page, nameof(The_job_dashboard_works_under_the_policy), async () =>
        {
            await page.GotoAsync("/hangfire");
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex("Octans jobs"));
            // The dashboard's script draws the live graph, and Chart.js marks the canvas it has drawn on.
            await Assertions.Expect(page.Locator("canvas#realtimeGraph.chartjs-render-monitor, canvas#realtimeGraph[style]").First).ToBeAttachedAsync();
            await page.GotoAsync("/hangfire/recurring");
            await Assertions.Expect(page.GetByText("monthly-pack-ht")).ToBeVisibleAsync();
        });
        refused.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_api_docs_work_under_the_policy()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        var refused = Refusals(page);
        await BrowserFixture.Journey(page, nameof(The_api_docs_work_under_the_policy), async () =>
        {
            await page.GotoAsync("/api/docs/");
            // Scalar's script builds the whole page from the API description.
            await Assertions.Expect(page.GetByText("/api/auth/token").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
        refused.ShouldBeEmpty();
    }

    /// <summary>What the browser refused under the policy, and any script that failed.</summary>
    private static ConcurrentQueue<string> Refusals(IPage page)
    {
        var refused = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Enqueue(message.Text);
        };
        page.PageError += (_, error) => refused.Enqueue(error);
        return refused;
    }
}
