using Microsoft.Playwright;

namespace Octans.Browser.Tests;

/// <summary>
/// Every page, as the people who use it, on a 360-pixel phone: no word is broken across two lines and nothing makes the page
/// scroll sideways. A failure names the page and the words.
/// </summary>
[Collection(PageWalkCollection.Name)]
public sealed class PhoneWalkTests(BrowserFixture octans)
{
    private const int Phone = 360;

    /// <summary>The pages the accessibility checks walk, and those only a phone's walk needs.</summary>
    public static TheoryData<string, string> Pages
    {
        get
        {
            var pages = new TheoryData<string, string>();
            foreach (var row in AccessibilityTests.Pages) pages.Add((string)row[0], (string)row[1]);
            foreach (var (email, url) in new[]
                     {
                         ("coordinator@octans.test", "/inbox"), ("coordinator@octans.test", "/inbox/upload"), ("lighting@octans.test", "/inbox/take"),
                         ("coordinator@octans.test", "/meetings"), ("coordinator@octans.test", "first-meeting"),
                         ("coordinator@octans.test", "first-problem/log-recurrence"), ("lighting@octans.test", "first-problem"),
                         ("streets@octans.test", "/tasks"), ("councillor@octans.test", "first-pack"),
                         ("lighting@octans.test", "/account/password"), ("lighting@octans.test", "/account/two-step"),
                         ("lighting@octans.test", "/account/reminders"), ("admin@octans.test", "first-user/role"),
                         ("admin@octans.test", "first-user/disable"), ("admin@octans.test", "first-user/reset-link"),
                     })
                pages.Add(email, url);
            return pages;
        }
    }

    // Each word of each visible text node, with a Range over it: more than one line box means the word was broken. Words
    // are split at spaces and at the hyphens, slashes and opening brackets where lines may break; keys and links meant to wrap anywhere
    // (.octans-break) and text hidden off-screen for screen readers are not read as words.
    private const string BrokenWords = """
        () => {
          const broken = [];
          const range = document.createRange();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, element = node.parentElement;
            if (!element || element.closest("script, style, noscript, svg, .govuk-visually-hidden, .govuk-skip-link, .octans-break, .leaflet-container")) continue;
            if (element.getBoundingClientRect().width <= 1 || !element.checkVisibility()) continue;
            for (const word of node.data.matchAll(/[^\s\-\u2010-\u2014\/(]+/g)) {
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              const lines = [];
              for (const box of range.getClientRects()) {
                if (box.width > 0 && !lines.some(top => Math.abs(top - box.top) < box.height / 2)) lines.push(box.top);
              }
              if (lines.length > 1) broken.push(word[0]);
            }
          }
          return broken;
        }
        """;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_word_breaks_and_nothing_scrolls_sideways_on_a_360_pixel_phone(string email, string url)
    {
        var page = await octans.SignedIn(email, Phone, 740);
        await BrowserFixture.Journey(page, $"phone-{email.Split('@')[0]}-{url.Trim('/').Replace('/', '-').Replace('?', '-')}", async () =>
        {
            var address = await Resolve(page, url);
            await page.GotoAsync(address);
            var broken = await page.EvaluateAsync<string[]>(BrokenWords);
            broken.ShouldBeEmpty($"{address} as {email} breaks these words across lines at {Phone} pixels: {string.Join(", ", broken.Distinct())}");
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            width.ShouldBeLessThanOrEqualTo(Phone, $"{address} as {email} scrolls sideways at {Phone} pixels: it is {width} pixels wide");
        });
    }

    /// <summary>The first meeting, pack and user as the pages list them; anything else as <see cref="AccessibilityTests.Resolve"/> does.</summary>
    private static async Task<string> Resolve(IPage page, string url)
    {
        if (url == "first-meeting") return await FirstLink(page, "/meetings", "main table a");
        if (url == "first-pack") return await FirstLink(page, "/dashboard", "a[href$='/read']");
        if (url.StartsWith("first-user")) return (await FirstLink(page, "/admin/users", "a[href$='/role']"))[..^"/role".Length] + url["first-user".Length..];
        return await AccessibilityTests.Resolve(page, url);
    }

    private static async Task<string> FirstLink(IPage page, string list, string selector)
    {
        await page.GotoAsync(list);
        // Without one yet (no pack made so far in this run), the list itself is walked in its place.
        var links = page.Locator(selector);
        return await links.CountAsync() == 0 ? list : (await links.First.GetAttributeAsync("href"))!;
    }
}
