using Alba;
using Octans.Api.Problems.ExitCriteria;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class ExitCriteriaTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_adds_an_exit_criterion_for_the_current_phase_and_gets_its_id()
    {
        var created = await app.ReportProblem();

        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/criteria",
            new { version = created.Version, text = "No outage reported for four weeks" });

        var added = (await result.ReadAsJsonAsync<ExitCriterionAddedAnswer>())!;
        added.Version.ShouldBe(created.Version + 1);
        var criterion = (await app.Details(created.Id)).ExitCriteria.Single();
        criterion.Id.ShouldBe(added.CriterionId);
        criterion.Text.ShouldBe("No outage reported for four weeks");
        criterion.Phase.ShouldBe(Phase.Clear);
        criterion.Met.ShouldBeFalse();
    }

    [Fact]
    public async Task An_exit_criterion_may_be_added_for_a_later_phase()
    {
        var created = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/problems/{created.Id}/criteria", new { version = created.Version, phase = "Hold", text = "Re-inspected monthly for a quarter" });
        (await app.Details(created.Id)).ExitCriteria.Single().Phase.ShouldBe(Phase.Hold);
    }

    [Fact]
    public async Task An_exit_criterion_needs_its_text()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/criteria", new { version = created.Version, text = "" }, 400);
        (await result.Errors()).ShouldContainKey("text");
    }

    [Fact]
    public async Task A_phase_that_is_not_one_of_the_phases_is_a_400_naming_the_phase()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/criteria", new { version = created.Version, phase = "Later", text = "Lit." }, 400);
        (await result.Errors()).ShouldContainKey("phase");
        (await app.Details(created.Id)).ExitCriteria.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coordinator_records_an_exit_criterion_as_met_with_evidence()
    {
        var problem = await app.ReportProblemWithCriterion();

        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/criteria/{problem.CriterionId}/met",
            new { version = problem.Version, evidence = "No faults logged since the repair; night patrol confirms." });

        (await result.NewVersion()).ShouldBe(problem.Version + 1);
        var criterion = (await app.Details(problem.Id)).ExitCriteria.Single();
        criterion.Met.ShouldBeTrue();
        criterion.Evidence.ShouldBe("No faults logged since the repair; night patrol confirms.");
        criterion.MetAt.ShouldBe(app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Meeting_an_exit_criterion_needs_evidence()
    {
        var problem = await app.ReportProblemWithCriterion();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/criteria/{problem.CriterionId}/met", new { version = problem.Version }, 400);
        (await result.Errors()).ShouldContainKey("evidence");
    }

    [Fact]
    public async Task An_exit_criterion_cannot_be_met_twice()
    {
        var problem = await app.ReportProblemWithCriterion();
        var met = await app.Post(Coordinator, $"/api/problems/{problem.Id}/criteria/{problem.CriterionId}/met", new { version = problem.Version, evidence = "Logs." });
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/criteria/{problem.CriterionId}/met",
            new { version = await met.NewVersion(), evidence = "More logs." }, 400);
        (await result.Detail()).ShouldContain("met already");
    }

    [Fact]
    public async Task Meeting_an_unknown_exit_criterion_is_a_404()
    {
        var problem = await app.ReportProblemWithCriterion();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/criteria/{Guid.CreateVersion7()}/met", new { version = problem.Version, evidence = "Logs." }, 404);
        (await result.Detail()).ShouldContain("no such exit criterion");
    }
}
