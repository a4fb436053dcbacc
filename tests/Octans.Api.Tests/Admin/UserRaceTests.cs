using Alba;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Octans.Api.Admin.Users;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Problems;
using Octans.Api.Tests.SigningIn;

namespace Octans.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class UserRaceTests(AppFixture app)
{
    private const string Password = "a-good-long-password";

    [Fact]
    public async Task Sign_ins_racing_a_disable_never_undo_it_and_none_of_their_tokens_work()
    {
        // A hash in the older format makes every sign-in write the user back (to rehash it), racing the disable.
        var user = await app.CreateUser(Role.Coordinator, Password);
        await using (var session = app.Store.LightweightSession())
        {
            var stored = (await session.LoadAsync<User>(user.Id))!;
            stored.PasswordHash = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions
                { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 })).HashPassword(stored, Password);
            session.Update(stored);
            await session.SaveChangesAsync();
        }
        var admin = await app.TokenFor(ProblemsApi.Admin);

        var signIns = Enumerable.Range(0, 12).Select(_ => app.Host.TrySignIn(user.Email, Password, SignInApi.NewAddress())).ToList();
        var disable = app.Host.Scenario(s => { s.Post.Url($"/api/users/{user.Id}/disable"); s.WithBearerToken(admin); s.StatusCodeShouldBeOk(); });
        await Task.WhenAll([.. signIns, disable]);

        await using (var query = app.Store.QuerySession()) (await query.LoadAsync<User>(user.Id))!.Disabled.ShouldBeTrue();
        foreach (var signIn in signIns.Select(s => s.Result).Where(r => r.Context.Response.StatusCode == 200))
            (await app.Host.StatusOf((await signIn.ReadAsJsonAsync<IssuedToken>())!.Token)).ShouldBe(401);
        await app.Host.RefusedSignIn(user.Email, Password, SignInApi.NewAddress());
    }

    [Fact]
    public async Task The_last_enabled_admin_can_neither_disable_nor_demote_themself()
    {
        var users = await (await app.Host.Scenario(s => { s.Get.Url("/api/users"); s.WithBearerToken(app.TokenFor(ProblemsApi.Admin).Result); })).ReadAsJsonAsync<List<UserView>>();
        users!.Where(u => u.Role == Role.Admin && !u.Disabled).Select(u => u.Email).ShouldBe([ProblemsApi.Admin]);
        var admin = users!.Single(u => u.Email == ProblemsApi.Admin);

        foreach (var (url, body) in new (string, object)[] { ($"/api/users/{admin.Id}/disable", new { }), ($"/api/users/{admin.Id}/role", new { role = "Coordinator" }) })
        {
            var refused = await app.Post(ProblemsApi.Admin, url, body, 400);
            (await refused.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Detail.ShouldBe(UserChanges.LastAdministrator);
        }
        (await app.Host.StatusOf(await app.TokenFor(ProblemsApi.Admin), "/api/users")).ShouldBe(200);
    }

    [Fact]
    public async Task Two_admins_adding_the_same_email_at_once_get_one_user_and_one_field_error()
    {
        var email = $"twin-{Guid.NewGuid():N}@luton.gov.uk";
        var token = await app.TokenFor(ProblemsApi.Admin);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.Host.Scenario(s =>
        {
            s.Post.Json(new { email, name = "Twin", role = "Councillor", password = Password }).ToUrl("/api/users");
            s.WithBearerToken(token);
            s.IgnoreStatusCode();
        })));

        results.Count(r => r.Context.Response.StatusCode == 201).ShouldBe(1);
        foreach (var refused in results.Where(r => r.Context.Response.StatusCode != 201))
        {
            refused.Context.Response.StatusCode.ShouldBe(400);
            (await refused.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors["email"].ShouldBe([UserRules.EmailTaken]);
        }
    }
}
