using Alba;
using Npgsql;
using Octans.Api.Admin.Changes;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Community;
using Octans.Api.Tests.Operations;
using Octans.Api.Tests.Problems;
using Octans.Api.Demo;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Admin;

/// <summary>Who changed what in administration, and the sign-ins per day: recorded with each change, shown to administrators only.</summary>
[Collection(ApiCollection.Name)]
public sealed class AdminChangesTests(AppFixture app)
{
    private const string AdminName = "Alex Admin", CoordinatorName = "Sam Coordinator";

    [Fact]
    public async Task A_new_user_their_role_disabling_enabling_and_a_reset_link_are_each_recorded_with_the_administrator_who_did_it()
    {
        var name = $"Parks officer {Guid.NewGuid():N}"[..24];
        var email = $"parks-{Guid.NewGuid():N}@luton.gov.uk";
        await app.Post(ProblemsApi.Admin, "/api/users",
            new { email, name, role = "TeamMember", teamId = Team.StreetLighting.Id, password = "a-long-first-password" }, 201);
        var users = await (await app.Host.Scenario(s => { s.Get.Url("/api/users"); s.WithBearerToken(app.TokenFor(ProblemsApi.Admin).Result); }))
            .ReadAsJsonAsync<List<Octans.Api.Admin.Users.UserView>>();
        var id = users!.Single(u => u.Email == email).Id;
        await app.Post(ProblemsApi.Admin, $"/api/users/{id}/role", new { role = "Coordinator" });
        await app.Post(ProblemsApi.Admin, $"/api/users/{id}/disable", new { });
        await app.Post(ProblemsApi.Admin, $"/api/users/{id}/enable", new { });
        await app.Post(ProblemsApi.Admin, $"/api/users/{id}/password-reset", new { });

        var (changes, text) = await ChangesAsync();
        changes.Where(c => c.Subject == name).Select(c => (c.What, c.By, c.Change)).ShouldBe(
        [
            (ChangedThing.User, AdminName, "Password reset link made"),
            (ChangedThing.User, AdminName, "Enabled"),
            (ChangedThing.User, AdminName, "Disabled and signed out everywhere"),
            (ChangedThing.User, AdminName, "Role changed from Team member of Street Lighting to Coordinator"),
            (ChangedThing.User, AdminName, "Added as Team member of Street Lighting"),
        ]);
        text.ShouldNotContain(email);
    }

    [Fact]
    public async Task A_refused_change_to_a_user_records_nothing()
    {
        var (before, _) = await ChangesAsync();
        await app.Post(ProblemsApi.Admin, $"/api/users/{Guid.CreateVersion7()}/disable", new { }, 404);
        await app.Post(ProblemsApi.Admin, "/api/teams", new { name = "", partner = "" }, 400);
        var (after, _) = await ChangesAsync();
        after.Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task A_team_and_a_category_added_marked_sensitive_and_removed_are_recorded()
    {
        var team = $"Parks {Guid.NewGuid():N}"[..20];
        await app.Post(ProblemsApi.Admin, "/api/teams", new { name = team, partner = "Luton Council" }, 201);
        var category = await app.GivenCategory();
        await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity", new { sensitive = true });
        await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity", new { sensitive = false });
        await app.Host.Scenario(s =>
        {
            s.Delete.Url($"/api/categories/{Uri.EscapeDataString(category)}");
            s.WithBearerToken(app.TokenFor(ProblemsApi.Admin).Result);
            s.StatusCodeShouldBe(204);
        });

        var (changes, _) = await ChangesAsync();
        changes.Where(c => c.Subject == team).Select(c => (c.What, c.By, c.Change))
            .ShouldBe([(ChangedThing.Team, AdminName, "Added, a team of Luton Council")]);
        changes.Where(c => c.Subject == category).Select(c => (c.What, c.By, c.Change)).ShouldBe(
        [
            (ChangedThing.Category, AdminName, "Removed: no longer offered for new problems"),
            (ChangedThing.Category, AdminName, "No longer marked sensitive"),
            (ChangedThing.Category, AdminName, "Marked sensitive"),
            (ChangedThing.Category, AdminName, "Added"),
        ]);
    }

    [Fact]
    public async Task An_intake_key_made_and_revoked_is_recorded()
    {
        var sender = $"FixMyStreet {Guid.NewGuid():N}"[..24];
        var made = await app.Post(ProblemsApi.Admin, "/api/intake/keys", new { sender, area = "High Town" }, 201);
        var id = (await made.ReadAsJsonAsync<Octans.Api.Intake.Keys.KeyCreated>())!.Id;
        await app.Post(ProblemsApi.Admin, $"/api/intake/keys/{id}/revoke", new { });
        await app.Post(ProblemsApi.Admin, $"/api/intake/keys/{id}/revoke", new { });

        var (changes, text) = await ChangesAsync();
        changes.Where(c => c.Subject == sender).Select(c => (c.What, c.By, c.Change)).ShouldBe(
        [
            (ChangedThing.IntakeKey, AdminName, "Key for High Town's inbox revoked"),
            (ChangedThing.IntakeKey, AdminName, "Key made for High Town's inbox"),
        ]);
        text.ShouldNotContain((await made.ReadAsJsonAsync<Octans.Api.Intake.Keys.KeyCreated>())!.ApiKey);
    }

    [Fact]
    public async Task A_problem_marked_sensitive_and_back_is_recorded_with_the_coordinator_who_did_it()
    {
        var problem = await app.ReportProblem();
        var version = await app.MarkSensitive(problem.Id, problem.Version);
        await app.MarkSensitive(problem.Id, version, sensitive: false);

        var (changes, _) = await ChangesAsync();
        changes.Where(c => c.Subject == problem.Reference).Select(c => (c.What, c.By, c.Change)).ShouldBe(
        [
            (ChangedThing.ProblemSensitivity, CoordinatorName, "No longer marked sensitive"),
            (ChangedThing.ProblemSensitivity, CoordinatorName, "Marked sensitive"),
        ]);
    }

    [Fact]
    public async Task Sign_ins_and_refused_sign_ins_are_counted_on_the_day_whether_by_token_or_page()
    {
        var admin = await app.TokenFor(ProblemsApi.Admin);
        var before = await TodayAsync(admin);

        await app.Host.Scenario(s => s.Post.Json(new { email = Councillor, password = DemoAccounts.DefaultPassword }).ToUrl("/api/auth/token"));
        await PageSessions.SignInAsync(app.Host, Councillor, DemoAccounts.DefaultPassword);
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email = $"nobody-{Guid.NewGuid():N}@octans.test", password = "not the password" }).ToUrl("/api/auth/token");
            s.StatusCodeShouldBe(401);
        });

        var after = await TodayAsync(admin);
        (after.SignedIn, after.Refused).ShouldBe((before.SignedIn + 2, before.Refused + 1));
    }

    [Fact]
    public async Task The_page_shows_the_changes_and_the_sign_ins_to_administrators()
    {
        var team = $"Wardens {Guid.NewGuid():N}"[..20];
        await app.Post(ProblemsApi.Admin, "/api/teams", new { name = team, partner = "Luton Council" }, 201);
        var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, ProblemsApi.Admin, DemoAccounts.DefaultPassword));

        var page = await app.Host.Scenario(s => { s.Get.Url("/admin/changes"); s.WithRequestHeader("Cookie", cookie); });
        var html = page.ReadAsText();
        html.ShouldContain($"Team: {team}");
        html.ShouldContain($"by {AdminName}");
        html.ShouldContain("id=\"sign-ins\"");
    }

    [Theory]
    [InlineData(Coordinator)]
    [InlineData(Lighting)]
    [InlineData(Councillor)]
    public async Task Nobody_but_an_administrator_reads_the_changes(string email) =>
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/admin/changes");
            s.WithBearerToken(app.TokenFor(email).Result);
            s.StatusCodeShouldBe(403);
        });

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=two")]
    public async Task A_page_out_of_range_is_a_400(string query) =>
        await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/admin/changes?{query}");
            s.WithBearerToken(app.TokenFor(ProblemsApi.Admin).Result);
            s.StatusCodeShouldBe(400);
        });

    [Theory]
    [InlineData("update octans.admin_changes set change = 'nothing'")]
    [InlineData("delete from octans.admin_changes")]
    [InlineData("truncate octans.admin_changes")]
    public async Task The_record_is_only_added_to_neither_the_apps_role_nor_the_owner_may_change_it(string sql)
    {
        await app.Post(ProblemsApi.Admin, "/api/teams", new { name = $"Kept {Guid.NewGuid():N}"[..20], partner = "Luton Council" }, 201);
        var (before, _) = await ChangesAsync();

        var asApp = await Should.ThrowAsync<PostgresException>(() => RunAsync(app.Database.AppConnectionString, sql));
        asApp.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var asOwner = await Should.ThrowAsync<PostgresException>(() => RunAsync(app.Database.ConnectionString, sql));
        (asOwner.SqlState, asOwner.MessageText).ShouldBe((PostgresErrorCodes.RestrictViolation, DatabaseOwner.AdminChangesAreKept));

        (await ChangesAsync()).Changes.ShouldBe(before);
    }

    private async Task<(IReadOnlyList<AdminChangeView> Changes, string Text)> ChangesAsync()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/admin/changes?pageSize={AdminChanges.MaxPageSize}");
            s.WithBearerToken(app.TokenFor(ProblemsApi.Admin).Result);
        });
        return ((await result.ReadAsJsonAsync<AdminChangesPage>())!.Items, result.ReadAsText());
    }

    private async Task<SignInsOnDay> TodayAsync(string adminToken)
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/admin/changes?pageSize=1"); s.WithBearerToken(adminToken); });
        var today = app.Today();
        return (await result.ReadAsJsonAsync<AdminChangesPage>())!.SignIns.FirstOrDefault(d => d.Day == today) ?? new SignInsOnDay(today, 0, 0);
    }

    private static async Task RunAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
