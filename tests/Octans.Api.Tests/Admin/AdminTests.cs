using Marten;
using Alba;
using Microsoft.AspNetCore.Http;
using Octans.Api.Admin.Users;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class AdminTests(AppFixture app)
{
    [Fact]
    public async Task An_admin_creates_a_team_member_who_must_choose_their_own_password_at_first_sign_in()
    {
        var email = $"crew-{Guid.NewGuid():N}@luton.gov.uk";
        await app.Post(ProblemsApi.Admin, "/api/users", new
        {
            email, name = "Night crew lead", role = "TeamMember", teamId = Team.StreetLighting.Id, password = "a-long-first-password",
        }, 201);

        await using (var session = app.Store.QuerySession())
            (await session.Query<User>().SingleAsync(u => u.Email == email)).MustChangePassword.ShouldBeTrue();
        var users = await (await app.Host.Scenario(s => { s.Get.Url("/api/users"); s.WithBearerToken(app.TokenFor(ProblemsApi.Admin).Result); })).ReadAsJsonAsync<List<UserView>>();
        var created = users!.Single(u => u.Email == email);
        (created.Role, created.TeamId).ShouldBe((Role.TeamMember, Team.StreetLighting.Id));
    }

    [Fact]
    public async Task A_new_user_with_mistakes_gets_every_field_named()
    {
        var result = await app.Post(ProblemsApi.Admin, "/api/users", new { email = "not-an-email", name = "", role = "Wizard", password = "short" }, 400);
        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["role", "email", "name", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_team_member_needs_a_team_and_other_roles_have_none()
    {
        var noTeam = await app.Post(ProblemsApi.Admin, "/api/users", new { email = $"a-{Guid.NewGuid():N}@x.test", name = "A", role = "TeamMember", password = "a-long-first-password" }, 400);
        (await noTeam.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors.ShouldContainKey("teamId");
        var withTeam = await app.Post(ProblemsApi.Admin, "/api/users", new { email = $"b-{Guid.NewGuid():N}@x.test", name = "B", role = "Councillor", teamId = Team.Housing.Id, password = "a-long-first-password" }, 400);
        (await withTeam.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors.ShouldContainKey("teamId");
    }

    [Fact]
    public async Task Changing_a_role_takes_effect_and_ends_the_old_token()
    {
        var user = await app.CreateUser(Role.Councillor, "a-long-first-password");
        var oldToken = await app.TokenFor(user.Email, "a-long-first-password");

        await app.Post(ProblemsApi.Admin, $"/api/users/{user.Id}/role", new { role = "Coordinator" });

        await app.Host.Scenario(s => { s.Get.Url("/api/teams"); s.WithBearerToken(oldToken); s.StatusCodeShouldBe(401); });
        var result = await app.Host.Scenario(s => { s.Post.Json(new { email = user.Email, password = "a-long-first-password" }).ToUrl("/api/auth/token"); });
        var fresh = (await result.ReadAsJsonAsync<IssuedToken>())!.Token;
        await app.Host.Scenario(s => { s.Post.Json(ReportBody("Reported after a role change")).ToUrl("/api/problems"); s.WithBearerToken(fresh); s.StatusCodeShouldBe(201); });
    }

    [Fact]
    public async Task Changing_the_role_of_an_unknown_user_is_a_404() =>
        await app.Post(ProblemsApi.Admin, $"/api/users/{Guid.CreateVersion7()}/role", new { role = "Coordinator" }, 404);

    [Fact]
    public async Task An_admin_adds_a_team_that_can_then_take_actions()
    {
        var name = $"Parks {Guid.NewGuid():N}"[..20];
        await app.Post(ProblemsApi.Admin, "/api/teams", new { name, partner = "Luton Council" }, 201);
        var teams = await (await app.Host.Scenario(s => { s.Get.Url("/api/teams"); s.WithBearerToken(app.TokenFor(Coordinator).Result); })).ReadAsJsonAsync<List<TeamView>>();
        teams!.ShouldContain(t => t.Name == name && t.Partner == "Luton Council");
        await app.Post(ProblemsApi.Admin, "/api/teams", new { name, partner = "Luton Council" }, 400);
    }

    [Fact]
    public async Task An_admin_adds_and_removes_a_category()
    {
        var name = $"Abandoned vehicles {Guid.NewGuid():N}"[..26];
        await app.Post(ProblemsApi.Admin, "/api/categories", new { name }, 201);
        await app.ReportProblem(new { title = "Burnt-out car on Midland Road", statement = "Left for a week.", category = name, area = "High Town", risk = "Low", location = new { description = "Midland Road" } });

        var token = await app.TokenFor(ProblemsApi.Admin);
        await app.Host.Scenario(s => { s.Delete.Url($"/api/categories/{Uri.EscapeDataString(name)}"); s.WithBearerToken(token); s.StatusCodeShouldBe(204); });
        await app.Post(Coordinator, "/api/problems", new { title = "Another car", statement = "Also left.", category = name, area = "High Town", risk = "Low", location = new { description = "Midland Road" } }, 400);
    }

    [Theory]
    [InlineData("/api/teams")]
    [InlineData("/api/categories")]
    [InlineData("/api/users")]
    public async Task Only_an_admin_manages_reference_data_and_users(string url) =>
        await app.Post(Coordinator, url, new { name = "Anything", partner = "Anyone" }, 403);
}
