using Alba;
using Octans.Api.Dashboard;
using Octans.Api.Inbox;
using Octans.Api.Inbox.Taking;
using Octans.Api.Problems.Listing;
using Octans.Api.Reports.Producing;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using static Octans.Api.Tests.Inbox.InboxApi;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Inbox;

/// <summary>A report from the public attached to a problem in Hold: the problem slips back everywhere the partnership looks.</summary>
[Collection(ApiCollection.Name)]
public sealed class HoldDecayTests(AppFixture app)
{
    [Fact]
    public async Task A_report_attached_to_a_problem_in_Hold_shows_as_Hold_decay_on_the_list_the_dashboard_and_the_month_s_pack()
    {
        var area = await app.GivenArea();
        var problem = await app.GivenProblem("Dumping behind the garages", area, pin: (51.8843, -0.4142));
        await problem.Then(new AdvancePhase("Agreed at tasking."));
        var taken = await app.Post(Coordinator, "/api/inbox",
            new { area = area.Name, category = "Fly-tipping", description = "Bags back behind the garages.", location = Place(), source = "Phone" }, 201);
        var report = (await taken.ReadAsJsonAsync<ReportTaken>())!.Id;
        (await app.InboxItem(report, area.Id)).Nearby.ShouldContain(n => n.ProblemId == problem.Id);

        await app.Post(Coordinator, $"/api/inbox/{report}/attach", new { problemId = problem.Id, version = problem.Version });

        var decay = new HoldDecay(1, app.Today(), HoldDecay.Start.MovedToHold);
        (await app.Details(problem.Id)).HoldDecay.ShouldBe(decay);
        (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}")).Items.ShouldHaveSingleItem().HoldDecay.ShouldBe(decay);
        (await app.Get<DashboardView>($"/api/dashboard?area={area.Id}", Councillor)).SlippingBack.ShouldHaveSingleItem()
            .ShouldBe(new SlippingBack(problem.Id, problem.Reference, "Dumping behind the garages", Phase.Hold, decay));
        await using var session = app.Store.QuerySession();
        var pack = await MonthlyPackHistory.AssembleAsync(session, area.Name, PackMonth.Of(app.Clock.GetUtcNow()), CancellationToken.None);
        pack.Board.ShouldHaveSingleItem().HoldDecay.ShouldBe(decay);
    }
}
