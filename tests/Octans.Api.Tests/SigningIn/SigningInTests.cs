using System.Net.Http.Json;
using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Demo;
using Octans.Api.SigningIn;

namespace Octans.Api.Tests.SigningIn;

[Collection(ApiCollection.Name)]
public sealed class SigningInTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_gets_a_token_that_expires_after_eight_hours()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email = "coordinator@octans.test", password = DemoAccounts.DefaultPassword }).ToUrl("/api/auth/token");
            s.StatusCodeShouldBeOk();
        });

        var token = (await result.ReadAsJsonAsync<IssuedToken>())!;
        token.Token.Split('.').Length.ShouldBe(3);
        token.ExpiresAt.ShouldBe(app.Clock.GetUtcNow().AddHours(8), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_token_opens_the_api()
    {
        var token = await app.TokenFor("councillor@octans.test");
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/teams");
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer()
    {
        var wrongPassword = await RefusedSignIn("coordinator@octans.test", "not-the-password");
        var unknownEmail = await RefusedSignIn("nobody-here@octans.test", "not-the-password");

        unknownEmail.Status.ShouldBe(401);
        (unknownEmail.Title, unknownEmail.Detail, unknownEmail.Type).ShouldBe((wrongPassword.Title, wrongPassword.Detail, wrongPassword.Type));
    }

    [Fact]
    public async Task Five_failed_sign_ins_in_a_row_lock_the_account_for_fifteen_minutes()
    {
        const string password = "a-good-long-password";
        var user = await app.CreateUser(Role.Coordinator, password);
        for (var attempt = 0; attempt < SignInFailures.AttemptsBeforeLockout; attempt++)
            await RefusedSignIn(user.Email, "wrong-password");

        var whileLocked = await RefusedSignIn(user.Email, password);
        whileLocked.Detail.ShouldBe(Passwords.Refusal);

        app.Clock.Advance(SignInFailures.LockoutDuration + TimeSpan.FromSeconds(1));
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email = user.Email, password }).ToUrl("/api/auth/token");
            s.StatusCodeShouldBeOk();
        });
    }

    [Fact]
    public async Task Four_failures_then_a_success_start_the_count_again()
    {
        const string password = "a-good-long-password";
        var user = await app.CreateUser(Role.Councillor, password);
        for (var attempt = 0; attempt < SignInFailures.AttemptsBeforeLockout - 1; attempt++)
            await RefusedSignIn(user.Email, "wrong-password");
        await app.Host.Scenario(s => { s.Post.Json(new { email = user.Email, password }).ToUrl("/api/auth/token"); s.StatusCodeShouldBeOk(); });
        for (var attempt = 0; attempt < SignInFailures.AttemptsBeforeLockout - 1; attempt++)
            await RefusedSignIn(user.Email, "wrong-password");

        await app.Host.Scenario(s => { s.Post.Json(new { email = user.Email, password }).ToUrl("/api/auth/token"); s.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task Signing_in_without_an_email_is_a_400_naming_the_field()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { password = "x" }).ToUrl("/api/auth/token");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.ReadAsJsonAsync<HttpValidationProblemDetails>();
        problem!.Errors.ShouldContainKey("email");
    }

    [Fact]
    public async Task No_token_is_a_401_problem()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/teams");
            s.StatusCodeShouldBe(401);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("Authorization: Bearer");
    }

    [Fact]
    public async Task An_expired_token_is_a_401()
    {
        var user = await app.CreateUser(Role.Councillor, "a-good-long-password");
        var token = await SignIn(user.Email, "a-good-long-password");
        app.Clock.Advance(Tokens.Lifetime + TimeSpan.FromMinutes(1));
        await app.Host.Scenario(s => { s.Get.Url("/api/teams"); s.WithBearerToken(token); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_forged_token_is_a_401()
    {
        var token = await app.TokenFor("councillor@octans.test");
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        await app.Host.Scenario(s => { s.Get.Url("/api/teams"); s.WithBearerToken(forged); s.StatusCodeShouldBe(401); });
    }

    [Theory]
    [InlineData("coordinator@octans.test")]
    [InlineData("lighting@octans.test")]
    [InlineData("councillor@octans.test")]
    public async Task Only_an_admin_may_list_users(string email)
    {
        var token = await app.TokenFor(email);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/users");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(403);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await result.ReadAsJsonAsync<ProblemDetails>())!.Title.ShouldBe("Not allowed");
    }

    [Fact]
    public async Task An_admin_may_list_users()
    {
        var token = await app.TokenFor("admin@octans.test");
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/users"); s.WithBearerToken(token); s.StatusCodeShouldBeOk(); });
        var users = await result.ReadAsJsonAsync<List<Octans.Api.Admin.Users.UserView>>();
        users!.Select(u => u.Email).ShouldContain("coordinator@octans.test");
    }

    [Fact]
    public async Task Disabling_a_user_revokes_their_token_at_once()
    {
        var user = await app.CreateUser(Role.Coordinator, "a-good-long-password");
        var token = await SignIn(user.Email, "a-good-long-password");
        await app.Host.Scenario(s => { s.Get.Url("/api/teams"); s.WithBearerToken(token); s.StatusCodeShouldBeOk(); });

        var admin = await app.TokenFor("admin@octans.test");
        await app.Host.Scenario(s => { s.Post.Url($"/api/users/{user.Id}/disable"); s.WithBearerToken(admin); s.StatusCodeShouldBeOk(); });

        await app.Host.Scenario(s => { s.Get.Url("/api/teams"); s.WithBearerToken(token); s.StatusCodeShouldBe(401); });
        await RefusedSignIn(user.Email, "a-good-long-password");
    }

    [Fact]
    public async Task Signing_in_writes_neither_the_password_nor_the_token_to_the_log()
    {
        const string password = "correct-horse-battery-staple";
        var user = await app.CreateUser(Role.Coordinator, password);
        var token = await SignIn(user.Email, password);
        await RefusedSignIn(user.Email, password + "-wrong");
        await app.Host.Scenario(s => { s.Get.Url("/api/teams"); s.WithBearerToken(token); s.StatusCodeShouldBeOk(); });

        app.Logs.Lines.ShouldNotBeEmpty();
        app.Logs.Lines.ShouldAllBe(line => !line.Contains(password) && !line.Contains(token));
    }

    private async Task<string> SignIn(string email, string password)
    {
        var result = await app.Host.Scenario(s => { s.Post.Json(new { email, password }).ToUrl("/api/auth/token"); s.StatusCodeShouldBeOk(); });
        return (await result.ReadAsJsonAsync<IssuedToken>())!.Token;
    }

    private async Task<ProblemDetails> RefusedSignIn(string email, string password)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email, password }).ToUrl("/api/auth/token");
            s.StatusCodeShouldBe(401);
            s.ContentTypeShouldBe("application/problem+json");
        });
        return (await result.ReadAsJsonAsync<ProblemDetails>())!;
    }
}
