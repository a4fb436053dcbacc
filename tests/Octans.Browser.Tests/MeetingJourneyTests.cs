using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Octans.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MeetingJourneyTests(BrowserFixture octans)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Fact]
    public async Task A_coordinator_makes_a_meeting_records_two_decisions_from_its_agenda_and_reads_them_in_the_minutes_and_on_the_problems()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, nameof(A_coordinator_makes_a_meeting_records_two_decisions_from_its_agenda_and_reads_them_in_the_minutes_and_on_the_problems), async () =>
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).ClickAsync();
            await Expect(page.Locator("table")).ToContainTextAsync("Pathways");
            await AssertAccessible(page);
            await page.GetByLabel("Tasking (monthly, among partners)").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Make the meeting" }).ClickAsync();

            await Expect(page.Locator("h1")).ToHaveTextAsync("Tasking meeting");
            var items = page.Locator(".octans-agenda-item h3");
            (await items.CountAsync()).ShouldBeGreaterThanOrEqualTo(2, "the demo's record puts problems on the agenda");
            await Expect(page.Locator(".octans-agenda-item").First).ToContainTextAsync("On the agenda because:");
            await AssertAccessible(page);

            var decided = new List<(string Reference, string Href, string Decision)>();
            foreach (var (rag, n) in new[] { ("Green", 1), ("Amber", 2) })
            {
                var heading = page.Locator(".octans-agenda-item:has(form[action*='handler=Decide']) h3").First;
                var title = (await heading.InnerTextAsync()).Trim();
                var reference = title.Split(' ')[0];
                var href = (await heading.Locator("a").GetAttributeAsync("href"))!;
                var item = page.Locator(".octans-agenda-item", new() { Has = page.Locator("h3", new() { HasTextString = title }) });
                var decision = $"Decision {n} for {reference}: keep the patrols going.";
                await item.GetByLabel(rag, new() { Exact = true }).CheckAsync();
                await item.GetByLabel($"Decision on {reference}").FillAsync(decision);
                await item.GetByLabel("In three months", new() { Exact = false }).CheckAsync();
                await item.GetByRole(AriaRole.Button, new() { Name = $"Record the decision on {reference}" }).ClickAsync();

                await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The decision was recorded");
                await Expect(page.Locator(".octans-agenda-item", new() { Has = page.Locator("h3", new() { HasTextString = title }) }))
                    .ToContainTextAsync(decision);
                decided.Add((reference, href, decision));
            }

            await page.GetByRole(AriaRole.Link, new() { Name = "Read the minutes" }).First.ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Minutes of the Tasking meeting");
            var rows = page.Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            var ordered = decided.OrderBy(d => d.Reference.Length).ThenBy(d => d.Reference, StringComparer.Ordinal).ToList();
            await Expect(rows.Nth(0)).ToContainTextAsync(ordered[0].Decision);
            await Expect(rows.Nth(1)).ToContainTextAsync(ordered[1].Decision);
            await AssertAccessible(page);
            var download = await page.RunAndWaitForDownloadAsync(() =>
                page.GetByRole(AriaRole.Link, new() { Name = "Download the minutes", Exact = false }).ClickAsync());
            download.SuggestedFilename.ShouldEndWith("-minutes.pdf");

            foreach (var (reference, href, decision) in decided)
            {
                await page.GotoAsync(href);
                await Expect(page.Locator("main")).ToContainTextAsync(decision);
            }
        });
    }

    private static async Task AssertAccessible(IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        serious.ShouldBeEmpty(string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
