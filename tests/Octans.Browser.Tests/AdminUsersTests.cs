using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Octans.Browser.Tests;

/// <summary>The users page as an administrator meets it: roles in words, unlocking, disabling after a warning, and a first password changed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminUsersTests(BrowserFixture octans)
{
    private const string Issued = "a-long-first-password";

    [Fact]
    public async Task Roles_and_mistakes_are_in_words_not_the_codes_behind_them()
    {
        var page = await octans.SignedIn("admin@octans.test");
        await BrowserFixture.Journey(page, nameof(Roles_and_mistakes_are_in_words_not_the_codes_behind_them), async () =>
        {
            await page.GotoAsync("/admin/users");
            var roles = await page.Locator("td[data-label='Role']").AllInnerTextsAsync();
            roles.ShouldContain("Team member – Street Lighting");
            roles.ShouldContain("Administrator");
            roles.ShouldAllBe(role => Regex.IsMatch(role, "^(Coordinator|Team member – .+|Councillor|Administrator)$"));
            (await page.Locator("main").InnerTextAsync()).ShouldNotContain("TeamMember");

            await page.GotoAsync("/admin/users/new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the role");
            (await page.Locator("main").InnerTextAsync()).ShouldNotContain("TeamMember");
        });
    }

    [Fact]
    public async Task An_administrator_unlocks_an_account_locked_by_wrong_passwords_and_the_change_is_recorded()
    {
        var (email, name) = await AddUserAsync("Una Locked");
        using (var http = new HttpClient { BaseAddress = octans.Address })
            for (var attempt = 0; attempt < 50; attempt++)
                await http.PostAsJsonAsync("/api/auth/token", new { email, password = "not the password at all" });

        var page = await octans.SignedIn("admin@octans.test");
        await BrowserFixture.Journey(page, nameof(An_administrator_unlocks_an_account_locked_by_wrong_passwords_and_the_change_is_recorded), async () =>
        {
            await page.GotoAsync("/admin/users");
            var row = page.Locator("tr", new() { HasText = email });
            await Expect(row).ToContainTextAsync("Locked");
            await AccessibilityTests.AssertAccessible(page);
            await row.GetByRole(AriaRole.Button, new() { Name = $"Unlock {name}" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{name} can sign in again");
            await Expect(page.Locator("tr", new() { HasText = email })).ToContainTextAsync("Active");

            await page.GotoAsync("/admin/changes");
            await Expect(page.Locator(".moj-timeline__item", new() { HasText = name }).First).ToContainTextAsync("Sign-in locks lifted");
        });
    }

    [Fact]
    public async Task Disabling_someone_asks_first_and_says_what_it_means()
    {
        var (email, name) = await AddUserAsync("Dee Disabled");
        var page = await octans.SignedIn("admin@octans.test", 360, 800);
        await BrowserFixture.Journey(page, nameof(Disabling_someone_asks_first_and_says_what_it_means), async () =>
        {
            await page.GotoAsync("/admin/users");
            await page.GetByRole(AriaRole.Link, new() { Name = $"Disable {name}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Are you sure you want to disable {name}?" })).ToBeVisibleAsync();
            await Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("signed out everywhere straight away");
            await AccessibilityTests.AssertAccessible(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
            await Expect(page.Locator("tr", new() { HasText = email })).ToContainTextAsync("Active");

            await page.GetByRole(AriaRole.Link, new() { Name = $"Disable {name}" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Disable {name}" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync($"{name} was disabled and signed out everywhere.");
            await Expect(page.Locator("tr", new() { HasText = email })).ToContainTextAsync("Disabled");
        });
    }

    [Fact]
    public async Task Someone_added_with_a_password_chooses_their_own_before_anything_else()
    {
        var (email, _) = await AddUserAsync("Fran First");
        var context = await octans.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = octans.Address.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await BrowserFixture.Journey(page, nameof(Someone_added_with_a_password_chooses_their_own_before_anything_else), async () =>
        {
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Issued);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/account/password"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your own password" })).ToBeVisibleAsync();
            await AccessibilityTests.AssertAccessible(page);

            await page.GotoAsync("/meetings");
            page.Url.ShouldContain("/sign-in");
            await page.GoBackAsync();

            await page.GetByLabel("Password the administrator gave you").FillAsync(Issued);
            await page.GetByLabel("New password").FillAsync("a password only Fran knows");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your password is changed");
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            new Uri(page.Url).AbsolutePath.ShouldBe("/problems");
        });
    }

    /// <summary>A coordinator of the test's own, added on the users page with a password the administrator chose.</summary>
    private async Task<(string Email, string Name)> AddUserAsync(string person)
    {
        var name = $"{person} {Guid.NewGuid():N}"[..(person.Length + 7)];
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@octans.test";
        using var http = new HttpClient { BaseAddress = octans.Address };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "admin@octans.test", password = BrowserFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        (await http.PostAsJsonAsync("/api/users", new { email, name, role = "Coordinator", password = Issued })).EnsureSuccessStatusCode();
        return (email, name);
    }
}
