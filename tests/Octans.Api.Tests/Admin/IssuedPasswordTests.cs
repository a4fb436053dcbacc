using Alba;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Operations;
using Octans.Api.Tests.Problems;

namespace Octans.Api.Tests.Admin;

/// <summary>A password an administrator gave is replaced by the user's own at their first sign-in, before anything else.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class IssuedPasswordTests(AppFixture app)
{
    private const string Issued = "a-long-first-password", Own = "a password only I know 7";

    private async Task<string> AddedByAnAdministratorAsync()
    {
        var email = $"issued-{Guid.NewGuid():N}@luton.gov.uk";
        await app.Post(ProblemsApi.Admin, "/api/users", new
        {
            email, name = "Night crew lead", role = "TeamMember", teamId = Team.StreetLighting.Id, password = Issued,
        }, 201);
        return email;
    }

    private async Task<IScenarioResult> TokenAsync(string email, string password) =>
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email, password }).ToUrl("/api/auth/token");
            s.IgnoreStatusCode();
        });

    [Fact]
    public async Task The_token_API_refuses_an_issued_password_with_a_403_saying_to_choose_one_first()
    {
        var email = await AddedByAnAdministratorAsync();

        var refused = await TokenAsync(email, Issued);

        refused.Context.Response.StatusCode.ShouldBe(403);
        (await refused.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe(PasswordChanges.ChangeFirst);
    }

    [Fact]
    public async Task Signing_in_with_an_issued_password_goes_to_choosing_one_and_nothing_else_opens_until_then()
    {
        var email = await AddedByAnAdministratorAsync();
        var (antiforgery, form) = await SignInFormAsync();

        var signedIn = await app.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["Email"] = email, ["Password"] = Issued, ["__RequestVerificationToken"] = form }).ToUrl("/sign-in");
            s.WithRequestHeader(HeaderNames.Cookie, antiforgery);
            s.StatusCodeShouldBe(302);
        });
        signedIn.Context.Response.Headers.Location.ToString().ShouldStartWith("/account/password");
        var cookies = signedIn.Context.Response.Headers.SetCookie.Select(c => c!).ToList();
        cookies.ShouldNotContain(c => c.StartsWith("octans=", StringComparison.Ordinal));
        var between = $"{antiforgery}; {PageSessions.Cookie(cookies.Single(c => c.StartsWith("octans.step=", StringComparison.Ordinal)))}";

        var elsewhere = await app.Host.Scenario(s => { s.Get.Url("/tasks"); s.WithRequestHeader(HeaderNames.Cookie, between); s.StatusCodeShouldBe(302); });
        elsewhere.Context.Response.Headers.Location.ToString().ShouldContain("/sign-in");

        var page = await app.Host.Scenario(s => { s.Get.Url("/account/password"); s.WithRequestHeader(HeaderNames.Cookie, between); });
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("Choose your own password");
        var token = FormToken().Match(html).Groups[1].Value;

        var same = await ChangeAsync(between, token, Issued);
        (await same.ReadAsTextAsync()).ShouldContain(PasswordChanges.SameAsGiven);

        var changed = await ChangeAsync(between, token, Own);
        changed.Context.Response.StatusCode.ShouldBe(200);
        (await changed.ReadAsTextAsync()).ShouldContain("Your password is changed. Only you know it now.");
        changed.Context.Response.Headers.SetCookie.ShouldContain(c => c!.StartsWith("octans=", StringComparison.Ordinal));
        (await TokenAsync(email, Own)).Context.Response.StatusCode.ShouldBe(200);
        (await TokenAsync(email, Issued)).Context.Response.StatusCode.ShouldBe(401);
    }

    private Task<IScenarioResult> ChangeAsync(string cookies, string token, string replacement) =>
        app.Host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["CurrentPassword"] = Issued, ["NewPassword"] = replacement, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
            }).ToUrl("/account/password");
            s.WithRequestHeader(HeaderNames.Cookie, cookies);
            s.IgnoreStatusCode();
        });

    private async Task<(string Antiforgery, string Form)> SignInFormAsync()
    {
        var form = await app.Host.Scenario(s => s.Get.Url("/sign-in"));
        return (form.Context.Response.Headers.SetCookie.ToString().Split(';')[0], FormToken().Match(form.ReadAsText()).Groups[1].Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex FormToken();
}
