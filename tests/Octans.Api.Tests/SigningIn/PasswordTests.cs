using System.Net.Http.Json;
using Alba;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Problems;

namespace Octans.Api.Tests.SigningIn;

[Collection(ApiCollection.Name)]
public sealed class PasswordTests(AppFixture app)
{
    private const string Password = "a-good-long-password";
    private const string NewPassword = "a-new-and-longer-password";

    [Fact]
    public async Task A_user_changes_their_password_and_their_other_tokens_end()
    {
        var user = await app.CreateUser(Role.Councillor, Password);
        var other = await app.Host.SignIn(user.Email, Password);
        var token = await app.Host.SignIn(user.Email, Password);

        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { currentPassword = Password, newPassword = NewPassword }).ToUrl("/api/auth/password");
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });

        var fresh = (await result.ReadAsJsonAsync<IssuedToken>())!.Token;
        (await app.Host.StatusOf(fresh)).ShouldBe(200);
        (await app.Host.StatusOf(other)).ShouldBe(401);
        (await app.Host.StatusOf(token)).ShouldBe(401);
        await app.Host.RefusedSignIn(user.Email, Password, SignInApi.NewAddress());
        await app.Host.SignIn(user.Email, NewPassword, SignInApi.NewAddress());
    }

    [Fact]
    public async Task A_wrong_current_password_or_a_short_new_one_is_a_400_naming_the_field_and_changes_nothing()
    {
        var user = await app.CreateUser(Role.Councillor, Password);
        var token = await app.Host.SignIn(user.Email, Password);

        var wrong = await ChangeOwn(token, "not-my-password", NewPassword, 400);
        wrong.Errors["currentPassword"].ShouldBe([ChangePasswordEndpoint.WrongCurrent]);
        var tooShort = await ChangeOwn(token, Password, "short", 400);
        tooShort.Errors.Keys.ShouldBe(["newPassword"]);

        (await app.Host.StatusOf(token)).ShouldBe(200);
        await app.Host.SignIn(user.Email, Password, SignInApi.NewAddress());
    }

    [Fact]
    public async Task An_admin_issues_a_reset_link_that_sets_a_new_password_once()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var before = await app.Host.SignIn(user.Email, Password);
        var link = await IssueLink(user.Id);
        link.ExpiresAt.ShouldBe(app.Clock.GetUtcNow() + PasswordChanges.ResetLinkLifetime);
        var token = link.Link.Split("/reset-password/")[1];

        await Reset(token, NewPassword, 204);
        (await Reset(token, "yet-another-long-password", 400)).Errors["token"].ShouldBe([PasswordChanges.UsedLink]);

        (await app.Host.StatusOf(before)).ShouldBe(401);
        await app.Host.RefusedSignIn(user.Email, "yet-another-long-password", SignInApi.NewAddress());
        await app.Host.SignIn(user.Email, NewPassword, SignInApi.NewAddress());
    }

    [Fact]
    public async Task Of_two_uses_of_one_link_at_once_exactly_one_sets_the_password()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var token = (await IssueLink(user.Id)).Link.Split("/reset-password/")[1];

        var passwords = Enumerable.Range(0, 4).Select(n => $"racing-password-number-{n}").ToArray();
        var results = await Task.WhenAll(passwords.Select(p => app.Host.Scenario(s =>
        {
            s.Post.Json(new { token, newPassword = p }).ToUrl("/api/auth/password-reset");
            s.IgnoreStatusCode();
        })));

        results.Count(r => r.Context.Response.StatusCode == 204).ShouldBe(1);
        results.Count(r => r.Context.Response.StatusCode == 400).ShouldBe(passwords.Length - 1);
        var winner = passwords[Array.FindIndex(results, r => r.Context.Response.StatusCode == 204)];
        await app.Host.SignIn(user.Email, winner, SignInApi.NewAddress());
    }

    [Fact]
    public async Task An_expired_or_made_up_link_is_refused_clearly()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var token = (await IssueLink(user.Id)).Link.Split("/reset-password/")[1];
        app.Clock.Advance(PasswordChanges.ResetLinkLifetime + TimeSpan.FromMinutes(1));

        (await Reset(token, NewPassword, 400)).Errors["token"].ShouldBe([PasswordChanges.ExpiredLink]);
        (await Reset("made-up-token", NewPassword, 400)).Errors["token"].ShouldBe([PasswordChanges.UnknownLink]);
        await app.Host.SignIn(user.Email, Password, SignInApi.NewAddress());
    }

    [Fact]
    public async Task Only_a_hash_of_the_reset_token_is_kept()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var token = (await IssueLink(user.Id)).Link.Split("/reset-password/")[1];

        await using var session = app.Store.QuerySession();
        var stored = await session.Query<PasswordReset>().Where(r => r.UserId == user.Id).ToListAsync();
        stored.ShouldHaveSingleItem().Id.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
        (await session.Json.FindByIdAsync<PasswordReset>(stored[0].Id))!.ShouldNotContain(token);
    }

    [Fact]
    public async Task Only_an_admin_issues_reset_links() =>
        await app.Post(ProblemsApi.Coordinator, $"/api/users/{Guid.CreateVersion7()}/password-reset", new { }, 403);

    [Fact]
    public async Task The_reset_page_says_plainly_why_a_used_link_cannot_be_used()
    {
        var user = await app.CreateUser(Role.Coordinator, Password);
        var token = (await IssueLink(user.Id)).Link.Split("/reset-password/")[1];
        (await app.Host.Scenario(s => { s.Get.Url($"/reset-password/{token}"); s.StatusCodeShouldBeOk(); })).ReadAsText().ShouldContain("Choose a new password");
        await Reset(token, NewPassword, 204);

        var page = await app.Host.Scenario(s => { s.Get.Url($"/reset-password/{token}"); s.StatusCodeShouldBe(400); });
        page.ReadAsText().ShouldContain(PasswordChanges.UsedLink);
    }

    private async Task<ResetLink> IssueLink(Guid userId) =>
        (await (await app.Post(ProblemsApi.Admin, $"/api/users/{userId}/password-reset", new { })).ReadAsJsonAsync<ResetLink>())!;

    private async Task<HttpValidationProblemDetails> Reset(string token, string password, int status)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { token, newPassword = password }).ToUrl("/api/auth/password-reset");
            s.StatusCodeShouldBe(status);
        });
        return status == 204 ? new HttpValidationProblemDetails() : (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
    }

    private async Task<HttpValidationProblemDetails> ChangeOwn(string token, string current, string replacement, int status)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { currentPassword = current, newPassword = replacement }).ToUrl("/api/auth/password");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });
        return (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
    }
}
