using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Octans.Testing;

namespace Octans.Browser.Tests;

[Collection(JourneyCollection.Name)]
public sealed class PhotoJourneyTests(BrowserFixture octans)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    [Fact]
    public async Task A_coordinator_adds_an_after_photo_to_an_action_and_sees_it_small_on_the_problem_page()
    {
        var page = await octans.SignedIn("coordinator@octans.test");
        await BrowserFixture.Journey(page, "photo-add", async () =>
        {
            // A problem on the board with an action to add a photo to; other tests may have put newer ones without any first.
            await page.GotoAsync("/problems?phase=Clear");
            var problems = await page.Locator("table a").EvaluateAllAsync<string[]>("links => links.map(l => l.getAttribute('href'))");
            var add = page.Locator("a[href*='/actions/'][href$='/add-photo']").First;
            foreach (var problem in problems)
            {
                await page.GotoAsync(problem);
                if (await add.CountAsync() > 0) break;
            }
            var action = (await add.Locator(".govuk-visually-hidden").InnerTextAsync()).TrimStart(':', ' ');
            await add.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a photo" })).ToBeVisibleAsync();
            await AssertAccessible(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a photo to add.");
            await AssertAccessible(page);

            await page.Locator("input[type=file]#photo").SetInputFilesAsync(new FilePayload { Name = "photo.txt", MimeType = "text/plain", Buffer = "not a photo"u8.ToArray() });
            await page.GetByLabel("After the work").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();
            await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("not a JPEG or PNG");

            await page.Locator("input[type=file]#photo").SetInputFilesAsync(new FilePayload { Name = "column.png", MimeType = "image/png", Buffer = SamplePhotos.Png(900, 600) });
            await page.GetByLabel("After the work").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add photo" }).ClickAsync();

            var photo = page.GetByRole(AriaRole.Img, new() { Name = $"After the work: {action} (opens the larger photo)" });
            await Assertions.Expect(photo).ToBeVisibleAsync();
            // Shown is not yet loaded: decode() waits for the image, and fails if it never comes.
            (await photo.EvaluateAsync<int>("img => img.decode().then(() => img.naturalWidth)")).ShouldBe(320);
            await BrowserFixture.Screenshot(page, "photo-on-problem");
            await AssertAccessible(page);
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
