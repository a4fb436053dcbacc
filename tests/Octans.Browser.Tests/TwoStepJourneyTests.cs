using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OtpNet;

namespace Octans.Browser.Tests;

/// <summary>Two-step sign-in as a person meets it: required by an administrator, set up with an authenticator app, then used.</summary>
[Collection(JourneyCollection.Name)]
public sealed class TwoStepJourneyTests(BrowserFixture octans)
{
    private const string Password = "a-good-long-password", OwnPassword = "a password of my own choosing";

    [Fact]
    public async Task A_user_required_to_sets_two_step_sign_in_up_after_their_password_then_signs_in_with_a_code()
    {
        var name = $"Tess Twostep {Guid.NewGuid():N}"[..20];
        var email = $"twostep-{Guid.NewGuid():N}@octans.test";
        await CreateCoordinatorAsync(email, name);

        var admin = await octans.SignedIn("admin@octans.test");
        await BrowserFixture.Journey(admin, "two-step-require", async () =>
        {
            await admin.GotoAsync("/admin/users");
            await admin.GetByRole(AriaRole.Button, new() { Name = $"Require two-step sign-in for {name}" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync($"{name} needs two-step sign-in");
        });

        var context = await octans.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = octans.Address.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await BrowserFixture.Journey(page, "two-step", async () =>
        {
            // The administrator chose the first password, so it is replaced before two-step sign-in is set up.
            await SignInWithPassword(page, email, Password);
            await page.WaitForURLAsync(url => url.Contains("/account/password"));
            await page.GetByLabel("Password the administrator gave you").FillAsync(Password);
            await page.GetByLabel("New password").FillAsync(OwnPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/account/two-step"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step sign-in" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code to add Octans to your authenticator app" })).ToBeVisibleAsync();
            await AccessibilityTests.AssertAccessible(page);

            // Until it is set up, nothing else opens.
            await page.GotoAsync("/problems");
            page.Url.ShouldContain("/sign-in");
            await page.GoBackAsync();

            var secret = Base32Encoding.ToBytes((await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", ""));
            await page.GetByLabel("Code from the app").FillAsync(new Totp(secret).ComputeTotp(DateTime.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step sign-in is on" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
            await AccessibilityTests.AssertAccessible(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await SignInWithPassword(page, email, OwnPassword);
            await page.WaitForURLAsync(url => url.Contains("/sign-in/code"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
            await AccessibilityTests.AssertAccessible(page);
            // The code of the step the set-up took is spent; the app's next one is taken.
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(new Totp(secret).ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await page.GotoAsync("/problems");
            page.Url.ShouldNotContain("/sign-in");
        });
    }

    private static async Task SignInWithPassword(IPage page, string email, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    private async Task CreateCoordinatorAsync(string email, string name)
    {
        using var http = new HttpClient { BaseAddress = octans.Address };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { email = "admin@octans.test", password = BrowserFixture.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("token").GetString());
        (await http.PostAsJsonAsync("/api/users", new { email, name, role = "Coordinator", password = Password })).EnsureSuccessStatusCode();
    }
}
