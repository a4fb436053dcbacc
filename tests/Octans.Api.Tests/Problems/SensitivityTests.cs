using Alba;
using Octans.Api.Admin.Changes;
using Octans.Api.Dashboard;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Community;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>The partners named on a sensitive problem or category, who alone see it besides coordinators and administrators.</summary>
[Collection(ApiCollection.Name)]
public sealed class SensitivityTests(AppFixture app)
{
    private static readonly Guid Police = Team.HighTownPolice.Id, Outreach = Team.AzaleaOutreach.Id;

    [Fact]
    public async Task A_problem_marked_sensitive_is_seen_by_the_teams_named_and_is_unknown_to_everyone_else()
    {
        var problem = await app.ReportProblem();
        var police = await app.MemberOf(Police);
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity", new { version = problem.Version, sensitive = true, teams = new[] { Police } });

        (await app.Details(problem.Id, police)).SensitiveTeams.ShouldBe([Police]);
        (await app.Details(problem.Id, ProblemsApi.Admin)).Sensitive.ShouldBeTrue();
        foreach (var stranger in new[] { Streets, Councillor })
        {
            var missing = await app.Get($"/api/problems/{problem.Id}", stranger, 404);
            (await missing.Detail()).ShouldBe("There is no problem with that id.");
            await app.Get($"/api/problems/{problem.Id}/timeline", stranger, 404);
            await app.Get($"/api/problems/{problem.Id}/notes", stranger, 404);
        }
    }

    [Fact]
    public async Task A_team_member_may_not_write_on_a_sensitive_problem_they_may_not_see()
    {
        var problem = await app.ReportProblem();
        var version = await (await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity",
            new { version = problem.Version, sensitive = true, teams = new[] { Police } })).NewVersion();

        await app.Post(Streets, $"/api/problems/{problem.Id}/notes", new { version, text = "Checked at dusk." }, 404);
        await app.Post(await app.MemberOf(Police), $"/api/problems/{problem.Id}/notes", new { version, text = "Checked at dusk." });
    }

    [Fact]
    public async Task Counts_on_the_dashboard_and_in_its_breakdown_leave_out_what_the_reader_may_not_see()
    {
        var area = await app.GivenArea();
        await app.GivenProblem("Dark lane by the garages", area);
        var hidden = await app.GivenProblem("Outreach meeting point behind the shops", area);
        await app.Post(Coordinator, $"/api/problems/{hidden.Id}/sensitivity", new { version = hidden.Version, sensitive = true, teams = new[] { Police } });
        var police = await app.MemberOf(Police);

        foreach (var (reader, count) in new[] { (Coordinator, 2), (police, 2), (Streets, 1), (Councillor, 1) })
        {
            (await app.Get<DashboardView>($"/api/dashboard?area={area.Id}", reader)).ByPhase.Clear.ShouldBe(count, reader);
            (await app.Get<ProblemBreakdown>($"/api/dashboard/breakdown?area={area.Id}", reader)).ByCategory.Sum(c => c.ByPhase.Clear).ShouldBe(count, reader);
            (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}", reader)).Total.ShouldBe(count, reader);
        }
    }

    [Fact]
    public async Task An_unknown_team_is_refused_and_nothing_is_stored()
    {
        var problem = await app.ReportProblem();
        var refused = await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity",
            new { version = problem.Version, sensitive = true, teams = new[] { Police, Guid.CreateVersion7() } }, 400);

        (await refused.Errors()).Keys.ShouldBe(["teams"]);
        var details = await app.Details(problem.Id);
        (details.Version, details.Sensitive).ShouldBe((problem.Version, false));
    }

    [Fact]
    public async Task An_administrator_names_the_partners_and_the_change_is_recorded_with_who_and_the_teams()
    {
        var problem = await app.ReportProblem();
        await app.Post(ProblemsApi.Admin, $"/api/problems/{problem.Id}/sensitivity", new { version = problem.Version, sensitive = true, teams = new[] { Outreach, Police } });

        var reference = (await app.Details(problem.Id)).Reference;
        var changes = await app.Get<AdminChangesPage>("/api/admin/changes?pageSize=100", ProblemsApi.Admin);
        changes.Items.ShouldContain(c => c.Subject == reference && c.Change == "Marked sensitive, seen by Azalea outreach, High Town Neighbourhood Team");
    }

    [Fact]
    public async Task An_action_for_a_team_not_named_is_refused_with_what_to_do_first()
    {
        var problem = await app.ReportProblem();
        var version = await (await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity",
            new { version = problem.Version, sensitive = true, teams = new[] { Police } })).NewVersion();
        object Plan(Guid team) => new { version, description = "Patrol at dusk", teamId = team, dueOn = app.Today().AddDays(7) };

        var refused = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions", Plan(Team.StreetLighting.Id), 400);
        (await refused.Errors())["teamId"].Single().ShouldContain("Name the team on the problem's sensitivity first");
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions", Plan(Police));
    }

    [Fact]
    public async Task Marking_sensitive_without_a_team_that_has_open_actions_is_refused()
    {
        var problem = await app.ReportProblemWithAction(Team.StreetLighting.Id);
        var refused = await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity",
            new { version = problem.Version, sensitive = true, teams = new[] { Police } }, 400);

        (await refused.Errors())["teams"].Single().ShouldStartWith("The Street Lighting team has open actions on");
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity",
            new { version = problem.Version, sensitive = true, teams = new[] { Police, Team.StreetLighting.Id } });
    }

    [Fact]
    public async Task A_sensitive_category_names_the_teams_who_see_its_problems()
    {
        var category = await app.GivenCategory();
        var problem = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/details", new { version = problem.Version, category });
        var outreach = await app.MemberOf(Outreach);

        var answer = await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity", new { sensitive = true, teams = new[] { Outreach } });
        (await answer.ReadAsJsonAsync<CategoryView>())!.Teams.ShouldBe([Outreach]);

        (await app.Details(problem.Id, outreach)).Sensitive.ShouldBeTrue();
        await app.Get($"/api/problems/{problem.Id}", await app.MemberOf(Police), 404);
        (await app.Get<List<CategoryView>>("/api/categories")).Single(c => c.Name == category).Teams.ShouldBe([Outreach]);
    }

    [Fact]
    public async Task A_category_with_an_unknown_team_is_refused_and_left_as_it_was()
    {
        var category = await app.GivenCategory();
        var refused = await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity",
            new { sensitive = true, teams = new[] { Guid.CreateVersion7() } }, 400);

        (await refused.Errors()).Keys.ShouldBe(["teams"]);
        (await app.Get<List<CategoryView>>("/api/categories")).Single(c => c.Name == category).Sensitive.ShouldBeFalse();
    }
}

/// <summary>Members of partner teams of the tests' own, signed in by email with <see cref="Password"/>.</summary>
public static class PartnerMembers
{
    public const string Password = "a long partner password 42";

    /// <summary>A new member of the team, whose email the API helpers sign in with.</summary>
    public static async Task<string> MemberOf(this AppFixture app, Guid team)
    {
        var user = await app.CreateUser(Role.TeamMember, Password, team);
        await app.TokenFor(user.Email, Password);
        return user.Email;
    }
}
