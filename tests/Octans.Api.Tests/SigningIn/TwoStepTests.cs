using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Admin.Users;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.TwoStep;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.SigningIn.SignInApi;

namespace Octans.Api.Tests.SigningIn;

[Collection(ApiCollection.Name)]
public sealed class TwoStepTests(AppFixture app)
{
    private const string Password = "a-good-long-password";

    [Fact]
    public async Task With_two_step_sign_in_on_a_token_needs_a_right_code_and_takes_each_code_once()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var (secret, _) = await app.Host.SetUpTwoStep(user, app.Clock.GetUtcNow());
        var from = NewAddress();

        var withoutCode = await app.Host.RefusedSignIn(user.Email, Password, from);
        (withoutCode.Title, withoutCode.Detail).ShouldBe(("Code needed", TwoStepSignIn.CodeNeeded));
        (await app.Host.RefusedSignIn(user.Email, Password, from, WrongCode(secret))).Detail.ShouldBe(TwoStepSignIn.WrongCode);
        // The code the app showed when it was set up was taken then.
        (await app.Host.RefusedSignIn(user.Email, Password, from, CodeAt(secret, app.Clock.GetUtcNow()))).Detail.ShouldBe(TwoStepSignIn.WrongCode);

        var code = NextCode(secret, app.Clock.GetUtcNow());
        var token = await app.Host.SignIn(user.Email, Password, from, code);
        (await app.Host.StatusOf(token)).ShouldBe(200);
        (await app.Host.RefusedSignIn(user.Email, Password, from, code)).Detail.ShouldBe(TwoStepSignIn.WrongCode);
        // A right code with a wrong password is refused as a wrong password is.
        (await app.Host.RefusedSignIn(user.Email, "not-the-password", from, code)).Detail.ShouldBe(Passwords.Refusal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_however_it_is_typed()
    {
        var user = await app.CreateUser(Role.TeamMember, Password, Octans.Api.ReferenceData.Team.CleanStreets.Id);
        var (_, recovery) = await app.Host.SetUpTwoStep(user, app.Clock.GetUtcNow());
        var from = NewAddress();

        await app.Host.SignIn(user.Email, Password, from, recovery[0]);
        (await app.Host.RefusedSignIn(user.Email, Password, from, recovery[0])).Detail.ShouldBe(TwoStepSignIn.WrongCode);
        await app.Host.SignIn(user.Email, Password, from, recovery[1].ToUpperInvariant().Replace("-", " "));

        await using var session = app.Store.QuerySession();
        (await session.LoadAsync<User>(user.Id))!.RecoveryCodeHashes.Count.ShouldBe(RecoveryCodes.Count - 2);
    }

    [Fact]
    public async Task Wrong_codes_count_toward_lockout_as_wrong_passwords_do_though_the_password_is_right()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var (secret, _) = await app.Host.SetUpTwoStep(user, app.Clock.GetUtcNow());
        var attacker = NewAddress();

        for (var attempt = 0; attempt < SignInFailures.AttemptsBeforeLockout; attempt++)
            await app.Host.RefusedSignIn(user.Email, Password, attacker, WrongCode(secret));

        (await app.FailuresOf(user.Email))[attacker.ToString()].ShouldBe(SignInFailures.AttemptsBeforeLockout);
        var code = NextCode(secret, app.Clock.GetUtcNow());
        (await app.Host.RefusedSignIn(user.Email, Password, attacker, code)).Detail.ShouldBe(Passwords.Refusal);
        await app.Host.SignIn(user.Email, Password, NewAddress(), code);
    }

    [Fact]
    public async Task Setting_two_step_sign_in_up_ends_the_users_earlier_tokens_and_keeps_the_secret_sealed()
    {
        var user = await app.CreateUser(Role.Councillor, Password);
        var before = await app.Host.SignIn(user.Email, Password, NewAddress());

        var (secret, recovery) = await app.Host.SetUpTwoStep(user, app.Clock.GetUtcNow());

        (await app.Host.StatusOf(before)).ShouldBe(401);
        await using var session = app.Store.QuerySession();
        var stored = await session.Json.FindByIdAsync<User>(user.Id);
        stored.ShouldNotBeNull();
        stored.ShouldNotContain(Convert.ToBase64String(secret));
        stored.ShouldNotContain(AuthenticatorCodes.Written(secret).Replace(" ", ""));
        foreach (var code in recovery) stored.ShouldNotContain(code);
        JsonDocument.Parse(stored).RootElement.GetProperty("authenticatorSecret").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_administrator_requires_two_step_sign_in_of_a_user_who_then_sets_it_up_before_anything_else()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var before = await app.Host.SignIn(user.Email, Password, NewAddress());

        var required = await app.Post(ProblemsApi.Admin, $"/api/users/{user.Id}/two-step", new { required = true });
        var view = (await required.ReadAsJsonAsync<UserView>())!;
        (view.TwoStepRequired, view.TwoStepOn).ShouldBe((true, false));
        (await app.Host.StatusOf(before)).ShouldBe(401);
        var refused = await app.Host.TrySignIn(user.Email, Password, NewAddress());
        refused.Context.Response.StatusCode.ShouldBe(403);
        (await refused.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe(TwoStepSignIn.SetUpFirst);

        var (secret, _) = await app.Host.SetUpTwoStep(user, app.Clock.GetUtcNow());
        var token = await app.Host.SignIn(user.Email, Password, NewAddress(), NextCode(secret, app.Clock.GetUtcNow()));

        var reset = await app.Post(ProblemsApi.Admin, $"/api/users/{user.Id}/two-step/reset", new { });
        (await reset.ReadAsJsonAsync<UserView>())!.TwoStepOn.ShouldBeFalse();
        (await app.Host.StatusOf(token)).ShouldBe(401);
        (await app.Host.TrySignIn(user.Email, Password, NewAddress())).Context.Response.StatusCode.ShouldBe(403);

        await app.Post(ProblemsApi.Admin, $"/api/users/{user.Id}/two-step", new { required = false });
        await app.Host.SignIn(user.Email, Password, NewAddress());
    }

    [Fact]
    public async Task Administrators_need_two_step_sign_in_except_Developments_demo_administrator()
    {
        var admin = await app.CreateUser(Role.Admin, Password);
        try
        {
            var refused = await app.Host.TrySignIn(admin.Email, Password, NewAddress());
            refused.Context.Response.StatusCode.ShouldBe(403);
            (await refused.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe(TwoStepSignIn.SetUpFirst);

            (await app.Host.StatusOf(await app.TokenFor(ProblemsApi.Admin), "/api/users")).ShouldBe(200);
        }
        finally
        {
            // Other tests count on the demo administrator being the only one.
            await using var session = app.Store.LightweightSession();
            var stored = (await session.LoadAsync<User>(admin.Id))!;
            stored.Role = Role.Coordinator;
            session.Update(stored);
            await session.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Requiring_two_step_sign_in_without_saying_whether_changes_nothing()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        await app.Post(ProblemsApi.Admin, $"/api/users/{user.Id}/two-step", new { }, 400);
        await app.Post(ProblemsApi.Admin, $"/api/users/{Guid.NewGuid()}/two-step", new { required = true }, 404);
        await app.Host.SignIn(user.Email, Password, NewAddress());
    }

    [Fact]
    public async Task On_the_pages_a_right_password_signs_in_only_after_the_code_and_wrong_codes_there_count_toward_lockout()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var (secret, _) = await app.Host.SetUpTwoStep(user, app.Clock.GetUtcNow());
        using var client = app.Host.Server.CreateClient();

        var (antiforgery, form) = await PageForms.FormOf(client, "/sign-in", null);
        var password = await PageForms.Send(client, HttpMethod.Post, "/sign-in", antiforgery, new()
        {
            ["__RequestVerificationToken"] = form, ["email"] = user.Email, ["password"] = Password,
        });
        password.Headers.Location!.ToString().ShouldStartWith("/sign-in/code");
        PageForms.CookieFrom(password, "octans=").ShouldBeNull();
        var between = $"{antiforgery}; {PageForms.CookieFrom(password, "octans.step")}";
        (await PageForms.Send(client, HttpMethod.Get, "/problems", between)).Headers.Location!.ToString().ShouldContain("/sign-in?");

        var (_, codeForm) = await PageForms.FormOf(client, "/sign-in/code", between);
        for (var attempt = 0; attempt < SignInFailures.AttemptsBeforeLockout; attempt++)
        {
            var wrong = await PageForms.Send(client, HttpMethod.Post, "/sign-in/code", between,
                new() { ["__RequestVerificationToken"] = codeForm, ["code"] = WrongCode(secret) });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()).ShouldContain(TwoStepSignIn.WrongCode);
        }
        (await app.FailuresOf(user.Email)).Values.Max().ShouldBe(SignInFailures.AttemptsBeforeLockout);

        var locked = await PageForms.Send(client, HttpMethod.Post, "/sign-in/code", between,
            new() { ["__RequestVerificationToken"] = codeForm, ["code"] = NextCode(secret, app.Clock.GetUtcNow()) });
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        PageForms.CookieFrom(locked, "octans=").ShouldBeNull();
    }

    /// <summary>A code the app shows at no moment near now.</summary>
    private string WrongCode(byte[] secret)
    {
        var now = app.Clock.GetUtcNow();
        var near = Enumerable.Range(-2, 5).Select(steps => CodeAt(secret, now.AddSeconds(30 * steps))).ToHashSet();
        return Enumerable.Range(0, 1_000_000).Select(n => n.ToString("D6")).First(code => !near.Contains(code));
    }
}
