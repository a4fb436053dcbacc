using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class PhasesTests(AppFixture app)
{
    private const string Agreed = "Agreed at the tasking meeting.";

    [Fact]
    public async Task A_problem_with_nothing_left_in_clear_advances_to_hold()
    {
        var created = await app.ReportProblemWithCriterion();
        var met = await app.Post(Coordinator, $"/api/problems/{created.Id}/criteria/{created.CriterionId}/met",
            new { version = created.Version, evidence = "Four weekly night inspections found every column lit." });
        var version = await met.NewVersion();

        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version });

        (await result.NewVersion()).ShouldBe(version + 1);
        var details = await app.Details(created.Id);
        details.Phase.ShouldBe(Phase.Hold);
        var entered = details.PhaseHistory.Last();
        entered.Phase.ShouldBe(Phase.Hold);
        entered.By.ShouldBe("Sam Coordinator");
        entered.EnteredAt.ShouldBe(app.Clock.GetUtcNow());
        entered.Override.ShouldBeFalse();
    }

    [Fact]
    public async Task Advancing_with_an_open_action_is_refused_with_a_400_naming_the_override()
    {
        var problem = await app.ReportProblemWithAction();

        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/advance", new { version = problem.Version }, 400);

        (await result.Errors()).ShouldContainKey("override");
        (await result.Detail()).ShouldContain("1 open action");
        (await app.Details(problem.Id)).Phase.ShouldBe(Phase.Clear);
    }

    [Fact]
    public async Task Advancing_with_an_unmet_exit_criterion_is_refused_with_a_400_naming_the_override()
    {
        var problem = await app.ReportProblemWithCriterion();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/advance", new { version = problem.Version }, 400);
        (await result.Errors()).ShouldContainKey("override");
        (await result.Detail()).ShouldContain("1 unmet exit criterion");
    }

    [Fact]
    public async Task Advancing_with_an_override_moves_on_and_the_history_keeps_the_reason()
    {
        var problem = await app.ReportProblemWithAction();

        await app.Post(Coordinator, $"/api/problems/{problem.Id}/advance",
            new { version = problem.Version, @override = "Repairs are booked; the partnership agreed to start Hold patrols now." });

        var details = await app.Details(problem.Id);
        details.Phase.ShouldBe(Phase.Hold);
        var entered = details.PhaseHistory.Last();
        entered.Override.ShouldBeTrue();
        entered.Reason.ShouldBe("Repairs are booked; the partnership agreed to start Hold patrols now.");
        details.Actions.Single().Status.ShouldBe(ActionStatus.Open);
    }

    [Fact]
    public async Task Advancing_a_phase_without_exit_criteria_is_refused_with_a_400_until_a_reason_is_given()
    {
        var created = await app.ReportProblem();

        var refused = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version = created.Version }, 400);

        (await refused.Detail()).ShouldBe(
            "Clear has no exit criteria, so nothing says it is done. Add an exit criterion for Clear, or give a reason to move on to Hold without one.");
        (await refused.Errors())["override"].ShouldBe(["Add an exit criterion for Clear, or give a reason to move on without one."]);
        (await app.Details(created.Id)).ShouldSatisfyAllConditions(d => d.Phase.ShouldBe(Phase.Clear), d => d.Version.ShouldBe(created.Version));

        await app.Post(Coordinator, $"/api/problems/{created.Id}/advance",
            new { version = created.Version, @override = "Agreed at tasking: the patrols themselves are the exit." });
        var entered = (await app.Details(created.Id)).PhaseHistory.Last();
        (entered.Phase, entered.Reason, entered.Override).ShouldBe((Phase.Hold, "Agreed at tasking: the patrols themselves are the exit.", true));
    }

    [Fact]
    public async Task Build_is_the_last_phase()
    {
        var created = await app.ReportProblem();
        var hold = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version = created.Version, @override = Agreed });
        var build = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version = await hold.NewVersion(), @override = Agreed });
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version = await build.NewVersion() }, 400);
        (await result.Detail()).ShouldContain("last phase");
    }

    [Fact]
    public async Task A_coordinator_takes_a_problem_back_to_clear_with_a_reason()
    {
        var created = await app.ReportProblem();
        var advanced = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version = created.Version, @override = Agreed });

        await app.Post(Coordinator, $"/api/problems/{created.Id}/revert",
            new { version = await advanced.NewVersion(), reason = "Three columns dark again within a week." });

        var details = await app.Details(created.Id);
        details.Phase.ShouldBe(Phase.Clear);
        details.PhaseHistory.Select(p => p.Phase).ShouldBe([Phase.Clear, Phase.Hold, Phase.Clear]);
        details.PhaseHistory.Last().Reason.ShouldBe("Three columns dark again within a week.");
    }

    [Fact]
    public async Task Going_back_a_phase_needs_a_reason()
    {
        var created = await app.ReportProblem();
        var advanced = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version = created.Version, @override = Agreed });
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/revert", new { version = await advanced.NewVersion(), reason = "" }, 400);
        (await result.Errors()).ShouldContainKey("reason");
        (await app.Details(created.Id)).Phase.ShouldBe(Phase.Hold);
    }

    [Fact]
    public async Task Clear_is_the_first_phase()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/revert", new { version = created.Version, reason = "Dark again." }, 400);
        (await result.Detail()).ShouldContain("first phase");
    }
}
