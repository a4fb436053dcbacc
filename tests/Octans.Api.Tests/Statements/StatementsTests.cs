using Alba;
using Microsoft.Extensions.Configuration;
using Octans.Api.Demo;
using Octans.Api.Pages.Statements;
using Octans.Api.Tests.Operations;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Statements;

/// <summary>The accessibility statement and the privacy notice: open to everyone, linked from every page, and honest about what is not set.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatementsTests(AppFixture app)
{
    [Theory]
    [InlineData("/accessibility", "Accessibility statement for Octans")]
    [InlineData("/privacy", "Privacy notice")]
    public async Task The_statement_opens_without_signing_in(string url, string heading)
    {
        var result = await app.Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); });
        result.ReadAsText().ShouldContain($"<h1 class=\"govuk-heading-l\">{heading}</h1>");
    }

    [Fact]
    public async Task The_accessibility_statement_has_the_sections_of_the_model_statement_and_says_what_was_tested()
    {
        var text = await (await app.Host.Scenario(s => s.Get.Url("/accessibility"))).ReadAsTextAsync();
        foreach (var section in new[]
                 {
                     "How accessible Octans is", "What to do if you cannot access parts of Octans", "Reporting accessibility problems with Octans",
                     "Enforcement procedure", "Technical information about Octans’ accessibility", "Compliance status", "Non-accessible content",
                     "What we’re doing to improve accessibility", "Preparation of this accessibility statement", "How we tested Octans",
                 })
            text.ShouldContain($">{section}</h", customMessage: section);
        text.ShouldContain("Equality Advisory");
        text.ShouldContain("axe-core");
        text.ShouldContain("keyboard alone");
    }

    [Fact]
    public async Task The_privacy_notice_says_what_is_recorded_and_why_and_shows_the_settings_not_yet_made_as_placeholders()
    {
        var text = await (await app.Host.Scenario(s => s.Get.Url("/privacy"))).ReadAsTextAsync();
        text.ShouldContain("Octans records places, not people.");
        text.ShouldContain("public task");
        text.ShouldContain("dropped as the report arrives");
        text.ShouldContain("location data and camera details are removed");
        foreach (var setting in new[] { "Controller", "Contact", "DataProtectionOfficer", "Retention" })
            // A setting's name may break after each "__" on a phone.
            text.Replace("<wbr>", "").ShouldContain($"<code>Octans__Statements__{setting}</code>", customMessage: setting);
        text.ShouldContain("Not set yet");
    }

    [Fact]
    public void Settings_that_are_made_replace_their_placeholders()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Octans:Statements:Controller"] = "Luton Borough Council", ["Octans:Statements:Contact"] = " octans@luton.gov.uk ",
        }).Build();

        var settings = StatementSettings.From(configuration);

        (settings.Controller.IsSet, settings.Controller.Value).ShouldBe((true, "Luton Borough Council"));
        settings.Contact.Value.ShouldBe("octans@luton.gov.uk");
        (settings.Retention.IsSet, settings.Retention.Setting).ShouldBe((false, "Octans__Statements__Retention"));
    }

    [Fact]
    public async Task Every_page_links_to_both_from_its_footer_signed_in_or_not()
    {
        var signIn = await (await app.Host.Scenario(s => s.Get.Url("/sign-in"))).ReadAsTextAsync();
        var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, Coordinator, DemoAccounts.DefaultPassword));
        var problems = await (await app.Host.Scenario(s =>
        {
            s.Get.Url("/problems");
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBeOk();
        })).ReadAsTextAsync();

        foreach (var page in new[] { signIn, problems })
        {
            var footer = page[page.IndexOf("<footer", StringComparison.Ordinal)..];
            footer.ShouldContain("<a class=\"govuk-footer__link\" href=\"/accessibility\">Accessibility statement</a>");
            footer.ShouldContain("<a class=\"govuk-footer__link\" href=\"/privacy\">Privacy notice</a>");
        }
    }
}
