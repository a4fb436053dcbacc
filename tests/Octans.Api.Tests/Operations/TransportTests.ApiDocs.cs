using System.Net;
using Alba;
using Octans.Api.Demo;
using Octans.Api.SigningIn;

namespace Octans.Api.Tests.Operations;

/// <summary>In Production the API's description is for people signed in, unless Octans:ApiDocs:Public says otherwise.</summary>
public sealed partial class TransportTests
{
    [Fact]
    public async Task In_Production_the_API_description_and_its_page_are_shown_only_to_someone_signed_in()
    {
        foreach (var url in new[] { "/api/docs/", "/openapi/v1.json" })
            await octans.Host.Scenario(s => { s.Get.Url(url); Https(s); s.StatusCodeShouldBe(HttpStatusCode.Unauthorized); });

        var signIn = await octans.Host.Scenario(s =>
        {
            s.Post.Json(new { email = "coordinator@octans.test", password = DemoAccounts.DefaultPassword }).ToUrl("/api/auth/token");
            Https(s);
        });
        var token = (await signIn.ReadAsJsonAsync<IssuedToken>())!.Token;
        foreach (var url in new[] { "/api/docs/", "/openapi/v1.json" })
            await octans.Host.Scenario(s => { s.Get.Url(url); Https(s); s.WithBearerToken(token); s.StatusCodeShouldBeOk(); });

        var cookie = PageSessions.Cookie(await SignIn("coordinator@octans.test"));
        await octans.Host.Scenario(s => { s.Get.Url("/api/docs/"); Https(s); s.WithRequestHeader("Cookie", cookie); s.StatusCodeShouldBeOk(); });
    }
}
