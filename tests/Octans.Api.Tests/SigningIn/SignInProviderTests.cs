using Microsoft.Extensions.Configuration;
using Octans.Api.SigningIn.Organisations;
using Octans.Testing;

namespace Octans.Api.Tests.SigningIn;

/// <summary>The organisations' providers as configured: read as given, and refused at start-up with the setting named.</summary>
[Collection(ApiCollection.Name)]
public sealed class SignInProviderTests(AppFixture app)
{
    private static readonly Dictionary<string, string?> Council = new()
    {
        ["Octans:SignIn:Providers:Luton:DisplayName"] = "Luton Borough Council",
        ["Octans:SignIn:Providers:Luton:Authority"] = "https://login.microsoftonline.com/6f1c3b0e-2b1a-4c57-9d1e-3f8f0a1b2c3d/v2.0",
        ["Octans:SignIn:Providers:Luton:ClientId"] = "3c9e1a2b-0000-4000-8000-000000000001",
        ["Octans:SignIn:Providers:Luton:ClientSecret"] = "a secret",
        ["Octans:SignIn:Providers:Luton:Scopes"] = "profile offline_access",
    };

    [Fact]
    public void Without_providers_Octans_offers_passwords_only() =>
        SignInProvider.From(Configuration([])).ShouldBeEmpty();

    [Fact]
    public void A_provider_is_read_with_its_name_in_lower_case_and_openid_and_email_always_asked_for()
    {
        var provider = SignInProvider.From(Configuration(Council)).ShouldHaveSingleItem();
        provider.Name.ShouldBe("luton");
        provider.DisplayName.ShouldBe("Luton Borough Council");
        provider.ClientSecret.ShouldBe("a secret");
        provider.Scopes.ShouldBe(["openid", "email", "profile", "offline_access"]);
        provider.CallbackPath.ShouldBe("/signin-oidc-luton");
        provider.SignedOutCallbackPath.ShouldBe("/signout-callback-oidc-luton");
    }

    [Fact]
    public void A_provider_on_this_machine_may_use_http_and_needs_no_secret()
    {
        var provider = SignInProvider.From(Configuration(new()
        {
            ["Octans:SignIn:Providers:local:DisplayName"] = "Trying it out",
            ["Octans:SignIn:Providers:local:Authority"] = "http://127.0.0.1:5601/",
            ["Octans:SignIn:Providers:local:ClientId"] = "octans",
        })).ShouldHaveSingleItem();
        provider.ClientSecret.ShouldBeNull();
        provider.Authority.ShouldBe(new Uri("http://127.0.0.1:5601/"));
    }

    [Theory]
    [InlineData("DisplayName", "", "Octans:SignIn:Providers:Luton:DisplayName is missing")]
    [InlineData("ClientId", " ", "Octans:SignIn:Providers:Luton:ClientId is missing")]
    [InlineData("Authority", "", "Octans:SignIn:Providers:Luton:Authority must be the provider's address")]
    [InlineData("Authority", "login.microsoftonline.com/tenant", "Octans:SignIn:Providers:Luton:Authority must be the provider's address")]
    [InlineData("Authority", "ftp://idp.luton.example/", "Octans:SignIn:Providers:Luton:Authority must be the provider's address")]
    [InlineData("Authority", "http://idp.luton.example/", "Octans:SignIn:Providers:Luton:Authority must be an https address")]
    [InlineData("Authority", "https://login.microsoftonline.com/common/v2.0", "must name your organisation's own Entra ID tenant")]
    [InlineData("Authority", "https://login.microsoftonline.com/organizations/v2.0", "must name your organisation's own Entra ID tenant")]
    public void A_wrong_setting_is_refused_with_a_sentence_naming_it(string setting, string value, string refusal)
    {
        var settings = new Dictionary<string, string?>(Council) { [$"Octans:SignIn:Providers:Luton:{setting}"] = value };
        Should.Throw<InvalidOperationException>(() => SignInProvider.From(Configuration(settings))).Message.ShouldContain(refusal);
    }

    [Fact]
    public void A_name_that_cannot_be_part_of_an_address_is_refused()
    {
        var settings = Council.ToDictionary(s => s.Key.Replace(":Luton:", ":Luton Council:", StringComparison.Ordinal), s => s.Value);
        Should.Throw<InvalidOperationException>(() => SignInProvider.From(Configuration(settings)))
            .Message.ShouldContain("Octans:SignIn:Providers:Luton Council: a provider's name may hold only letters, digits and hyphens");
    }

    [Fact]
    public async Task Octans_refuses_to_start_with_a_provider_set_up_wrong_and_says_which_setting()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => OctansProcess.ServeAsync(app.Database.ConnectionString,
            new Dictionary<string, string>
            {
                ["Octans__SignIn__Providers__council__DisplayName"] = "Luton Borough Council",
                ["Octans__SignIn__Providers__council__Authority"] = "https://idp.luton.example/",
            }));
        refused.Message.ShouldContain("Octans:SignIn:Providers:council:ClientId is missing");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
