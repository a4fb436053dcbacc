using Microsoft.Playwright;

namespace Octans.Browser.Tests;

/// <summary>Signing in with an organisation's account, through the browser, against a real OpenID Connect provider.</summary>
[Collection(OrganisationSignInCollection.Name)]
public sealed class OrganisationSignInTests(OrganisationSignInFixture octans)
{
    private const string CouldNotSignIn = "Could not sign you in with Test Council";

    [Fact]
    public async Task A_coordinator_signs_in_with_their_councils_account_lands_on_the_board_and_signing_out_ends_both_sessions()
    {
        var email = await octans.AddUserAsync("Coordinator");
        var page = await octans.SignInPage();
        await BrowserFixture.Journey(page, "organisation-sign-in", async () =>
        {
            await AccessibilityTests.AssertAccessible(page);
            var before = await octans.SignInsTodayAsync();
            await SignInWithCouncil(page, email);
            await page.WaitForURLAsync(url => url.EndsWith("/problems", StringComparison.Ordinal));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Problems", Exact = true })).ToBeVisibleAsync();
            (await octans.SignInsTodayAsync()).SignedIn.ShouldBe(before.SignedIn + 1);

            var signOutsBefore = octans.Council.SignOuts;
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" })).ToBeVisibleAsync();
            page.Url.ShouldStartWith(octans.Address.ToString());
            octans.Council.SignOuts.ShouldBe(signOutsBefore + 1);
            await page.GotoAsync("/problems");
            page.Url.ShouldContain("/sign-in");
        });
    }

    [Fact]
    public async Task A_disabled_user_is_refused_with_a_page_that_says_whom_to_ask()
    {
        var email = await octans.AddUserAsync("Coordinator", disabled: true);
        await AssertRefused(email, "organisation-disabled");
    }

    [Fact]
    public async Task Someone_Octans_does_not_know_is_refused_and_no_account_is_made()
    {
        var email = $"stranger-{Guid.NewGuid():N}@luton.example";
        await AssertRefused(email, "organisation-unknown");
        await AssertRefused(email, "organisation-unknown-again");
    }

    [Theory]
    [InlineData(Forgery.WrongIssuer, "Signing in with provider council failed (SecurityTokenInvalidIssuerException)")]
    [InlineData(Forgery.WrongAudience, "Signing in with provider council failed (SecurityTokenInvalidAudienceException)")]
    [InlineData(Forgery.UnverifiedEmail, "Provider council gave an email address it has not verified")]
    public async Task An_id_token_from_another_issuer_for_another_application_or_with_an_unverified_email_signs_nobody_in(Forgery forgery, string logged)
    {
        var email = await octans.AddUserAsync("Coordinator");
        var page = await octans.SignInPage();
        octans.Council.Forgery = forgery;
        try
        {
            await BrowserFixture.Journey(page, $"organisation-{forgery}", async () =>
            {
                await SignInWithCouncil(page, email);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = CouldNotSignIn })).ToBeVisibleAsync();
                await AssertNotSignedIn(page);
                octans.Output.ShouldContain(logged);
            });
        }
        finally
        {
            octans.Council.Forgery = Forgery.None;
        }
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_gives_a_clear_page_and_signs_nobody_in()
    {
        var page = await octans.SignInPage();
        await BrowserFixture.Journey(page, "organisation-down", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Closed Council" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Could not sign you in with Closed Council" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("sign in with your Octans password")).ToBeVisibleAsync();
            await AccessibilityTests.AssertAccessible(page);
            await AssertNotSignedIn(page);
        });
    }

    private async Task AssertRefused(string email, string name)
    {
        var page = await octans.SignInPage();
        await BrowserFixture.Journey(page, name, async () =>
        {
            var before = await octans.SignInsTodayAsync();
            await SignInWithCouncil(page, email);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Octans does not know this account" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#administrator-contact")).ToHaveTextAsync(OrganisationSignInFixture.AdministratorContact);
            await AccessibilityTests.AssertAccessible(page);
            (await octans.SignInsTodayAsync()).ShouldBe((before.SignedIn, before.Refused + 1));
            await AssertNotSignedIn(page);
        });
    }

    private static async Task SignInWithCouncil(IPage page, string email)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test Council" }).ClickAsync();
        await page.GetByLabel("Work email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    private static async Task AssertNotSignedIn(IPage page)
    {
        await page.GotoAsync("/problems");
        page.Url.ShouldContain("/sign-in");
    }
}
