using System.Net;
using Alba;
using Octans.Api.SigningIn;
using static Octans.Api.Tests.SigningIn.PageForms;

namespace Octans.Api.Tests.SigningIn;

[Collection(ApiCollection.Name)]
public sealed class SignOutTests(AppFixture app)
{
    private const string Password = "a-good-long-password";

    [Fact]
    public async Task Signing_out_ends_that_token_and_no_other()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var phone = await app.Host.SignIn(user.Email, Password);
        var laptop = await app.Host.SignIn(user.Email, Password);

        await app.Host.Scenario(s => { s.Post.Url("/api/auth/sign-out"); s.WithBearerToken(phone); s.StatusCodeShouldBe(204); });

        (await app.Host.StatusOf(phone)).ShouldBe(401);
        (await app.Host.StatusOf(laptop)).ShouldBe(200);
    }

    [Fact]
    public async Task Signing_out_needs_a_token() =>
        await app.Host.Scenario(s => { s.Post.Url("/api/auth/sign-out"); s.StatusCodeShouldBe(401); });

    [Fact]
    public async Task Signing_out_of_the_pages_ends_the_cookie_on_the_server_too()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        using var client = app.Host.Server.CreateClient();

        var (antiforgery, form) = await FormOf(client, "/sign-in", null);
        var signIn = await Send(client, HttpMethod.Post, "/sign-in", antiforgery, new()
        {
            ["__RequestVerificationToken"] = form, ["email"] = user.Email, ["password"] = Password,
        });
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = CookieFrom(signIn, "octans")!;
        var signedIn = $"{antiforgery}; {cookie}";
        (await Send(client, HttpMethod.Get, "/problems", signedIn)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (_, signOutForm) = await FormOf(client, "/problems", signedIn);
        (await Send(client, HttpMethod.Post, "/sign-out", signedIn, new() { ["__RequestVerificationToken"] = signOutForm }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var replayed = await Send(client, HttpMethod.Get, "/problems", signedIn);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.Headers.Location!.ToString().ShouldContain("/sign-in");
    }

}
