using Alba;
using Microsoft.AspNetCore.Http;
using Octans.Api.Dashboard;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class DashboardTests(AppFixture app)
{
    [Fact]
    public async Task The_dashboard_counts_problems_by_phase_and_open_and_overdue_actions_by_team()
    {
        var area = await app.GivenArea();
        var today = app.Today();
        var earlier = app.Clock.GetUtcNow().AddDays(-5);
        var clearA = await app.GivenProblem("Dashboard clear A", area, at: earlier);
        await clearA.Plan("Replace lamp", Team.StreetLighting.Id, today.AddDays(-2), at: earlier);
        await clearA.Plan("Sweep the alley", Team.CleanStreets.Id, today.AddDays(-1), at: earlier);
        var finished = await clearA.Plan("Remove graffiti", Team.CleanStreets.Id, today.AddDays(-3), at: earlier);
        await clearA.Then(new CompleteAction(finished, "Removed, late."));
        var clearB = await app.GivenProblem("Dashboard clear B", area, at: earlier);
        await clearB.Plan("Repair column 3", Team.StreetLighting.Id, today.AddDays(-1), at: earlier);
        await clearB.Plan("Check the timer", Team.StreetLighting.Id, today);
        var hold = await app.GivenProblem("Dashboard hold", area);
        await hold.Then(new AdvancePhase("Agreed at tasking."));
        var build = await app.GivenProblem("Dashboard build", area);
        await build.Then(new AdvancePhase("Agreed at tasking."));
        await build.Then(new AdvancePhase("Agreed at tasking."));
        var closed = await app.GivenProblem("Dashboard closed", area, at: earlier);
        await closed.Plan("Patrol at dusk", Team.HighTownPolice.Id, today.AddDays(-1), at: earlier);
        await closed.Then(new CloseProblem(Outcome.Resolved, "No reports for a month."));

        var dashboard = await app.Get<DashboardView>($"/api/dashboard?area={area.Id}", Councillor);

        dashboard.ByPhase.ShouldBe(new ProblemsByPhase(Clear: 2, Hold: 1, Build: 1, Closed: 1));
        dashboard.OpenActions.ShouldBe(4);
        dashboard.OverdueActions.ShouldBe(3);
        dashboard.OverdueByTeam.ShouldBe([
            new OverdueForTeam(Team.StreetLighting.Id, "Street Lighting", 2),
            new OverdueForTeam(Team.CleanStreets.Id, "Clean Streets", 1),
        ]);
    }

    [Fact]
    public async Task The_dashboard_lists_the_area_s_problems_slipping_back_most_reports_first()
    {
        var area = await app.GivenArea();
        var other = await app.GivenArea();
        var once = await app.GivenProblem("Slipping once", area);
        await once.Then(new AdvancePhase("Agreed at tasking."));
        await once.Then(new LogRecurrence(app.Today(), "Bags again", "FixMyStreet"));
        var twice = await app.GivenProblem("Slipping twice", area);
        await twice.Then(new AdvancePhase("Agreed at tasking."));
        await twice.Then(new AdvancePhase("Agreed at tasking."));
        await twice.Then(new LogRecurrence(app.Today(), "Gate forced", null));
        await twice.Then(new LogRecurrence(app.Today(), "Gate forced again", null));
        var inClear = await app.GivenProblem("Recurring in Clear", area);
        await inClear.Then(new LogRecurrence(app.Today(), "Bags again", null));
        var elsewhere = await app.GivenProblem("Slipping elsewhere", other);
        await elsewhere.Then(new AdvancePhase("Agreed at tasking."));
        await elsewhere.Then(new LogRecurrence(app.Today(), "Bags again", null));

        var dashboard = await app.Get<DashboardView>($"/api/dashboard?area={area.Id}", Councillor);

        dashboard.SlippingBackTotal.ShouldBe(2);
        dashboard.SlippingBack.Select(s => (s.Reference, s.Phase, s.HoldDecay.Reports)).ShouldBe([
            (twice.Reference, Phase.Build, 2),
            (once.Reference, Phase.Hold, 1),
        ]);
    }

    [Fact]
    public async Task The_counts_by_phase_are_keyed_by_the_phase_names_as_the_contract_gives_them()
    {
        var result = await app.Host.Scenario(async s =>
        {
            s.Get.Url("/api/dashboard");
            s.WithBearerToken(await app.TokenFor(Councillor));
        });

        var byPhase = System.Text.Json.JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("byPhase");
        byPhase.EnumerateObject().Select(p => p.Name).ShouldBe(["Clear", "Hold", "Build", "Closed"]);
    }

    [Fact]
    public async Task The_area_may_be_given_by_name_and_other_areas_are_left_out()
    {
        var area = await app.GivenArea();
        var elsewhere = await app.GivenArea();
        await app.GivenProblem("Dashboard in the area", area);
        var other = await app.GivenProblem("Dashboard elsewhere", elsewhere);
        await other.Plan("Replace lamp", Team.StreetLighting.Id, app.Today());

        var dashboard = await app.Get<DashboardView>($"/api/dashboard?area={Uri.EscapeDataString(area.Name)}");

        dashboard.ByPhase.ShouldBe(new ProblemsByPhase(1, 0, 0, 0));
        dashboard.OpenActions.ShouldBe(0);
    }

    [Fact]
    public async Task Without_an_area_the_dashboard_counts_every_area()
    {
        var area = await app.GivenArea();
        var problem = await app.GivenProblem("Dashboard counted everywhere", area);
        await problem.Plan("Replace lamp", Team.StreetLighting.Id, app.Today());
        var before = await app.Get<DashboardView>("/api/dashboard");

        var another = await app.GivenProblem("Dashboard counted everywhere too", area);
        await another.Plan("Replace lamp", Team.StreetLighting.Id, app.Today());
        var after = await app.Get<DashboardView>("/api/dashboard");

        after.ByPhase.Clear.ShouldBe(before.ByPhase.Clear + 1);
        after.OpenActions.ShouldBe(before.OpenActions + 1);
    }

    [Fact]
    public async Task An_unknown_area_is_a_400_naming_it()
    {
        var result = await app.Get("/api/dashboard?area=Atlantis", status: 400);
        (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors["area"].Single().ShouldContain("Atlantis");
    }

    [Fact]
    public async Task Reading_the_dashboard_needs_a_token() =>
        await app.Host.Scenario(s => { s.Get.Url("/api/dashboard"); s.StatusCodeShouldBe(401); });
}
