using Alba;
using Octans.Api.Problems.Actions;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class ActionsTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_plans_an_action_for_a_team_and_gets_its_id()
    {
        var created = await app.ReportProblem();
        var dueOn = app.Today().AddDays(10);

        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/actions", new
        {
            version = created.Version, description = "Repair columns 12 to 14", teamId = Team.StreetLighting.Id, dueOn = dueOn.ToString("yyyy-MM-dd"),
            assignee = "Night crew",
        });

        var planned = (await result.ReadAsJsonAsync<ActionPlannedAnswer>())!;
        planned.Version.ShouldBe(created.Version + 1);
        var details = await app.Details(created.Id);
        var action = details.Actions.Single();
        action.Id.ShouldBe(planned.ActionId);
        action.Description.ShouldBe("Repair columns 12 to 14");
        action.TeamName.ShouldBe("Street Lighting");
        action.Assignee.ShouldBe("Night crew");
        action.DueOn.ShouldBe(dueOn);
        action.Phase.ShouldBe(Phase.Clear);
        action.Status.ShouldBe(ActionStatus.Open);
        action.Overdue.ShouldBeFalse();
        details.OpenActions.ShouldBe(1);
    }

    [Fact]
    public async Task An_action_may_be_planned_for_a_later_phase()
    {
        var created = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/problems/{created.Id}/actions", new
        {
            version = created.Version, description = "Upgrade the columns to LED", teamId = Team.StreetLighting.Id, dueOn = app.Today().AddDays(90), phase = "Build",
        });
        (await app.Details(created.Id)).Actions.Single().Phase.ShouldBe(Phase.Build);
    }

    [Fact]
    public async Task An_action_for_an_unknown_team_is_a_400_naming_the_team()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/actions", new
        {
            version = created.Version, description = "Repair columns", teamId = Guid.CreateVersion7(), dueOn = app.Today().AddDays(7),
        }, 400);
        (await result.Errors())["teamId"].Single().ShouldContain("no team");
        (await app.Details(created.Id)).Actions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("30/11/2026")]
    [InlineData("2026-02-30")]
    [InlineData("next Tuesday")]
    public async Task A_due_date_that_is_not_a_date_is_a_400_naming_the_due_date(string dueOn)
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/actions", new
        {
            version = created.Version, description = "Repair columns", teamId = Team.StreetLighting.Id, dueOn,
        }, 400);
        (await result.Errors())["dueOn"].Single().ShouldContain("2026-11-30");
    }

    [Fact]
    public async Task A_due_date_in_the_past_and_a_missing_description_are_named_together()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/actions", new
        {
            version = created.Version, description = " ", teamId = Team.StreetLighting.Id, dueOn = app.Today().AddDays(-1),
        }, 400);
        (await result.Errors()).Keys.ShouldBe(["description", "dueOn"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_phase_that_is_not_one_of_the_phases_is_a_400_rather_than_the_current_phase()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/actions", new
        {
            version = created.Version, description = "Repair columns", teamId = Team.StreetLighting.Id, dueOn = app.Today().AddDays(7), phase = "Maintain",
        }, 400);
        (await result.Errors())["phase"].Single().ShouldContain("Clear, Hold, Build");
    }

    [Fact]
    public async Task The_lighting_team_completes_its_own_action_with_a_note()
    {
        var problem = await app.ReportProblemWithAction(Team.StreetLighting.Id);

        var result = await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete",
            new { version = problem.Version, note = "Lamps replaced in columns 12 to 14." });

        (await result.NewVersion()).ShouldBe(problem.Version + 1);
        var details = await app.Details(problem.Id);
        var action = details.Actions.Single();
        action.Status.ShouldBe(ActionStatus.Done);
        action.Note.ShouldBe("Lamps replaced in columns 12 to 14.");
        action.CompletedBy.ShouldBe("Lee Lighting");
        action.CompletedAt.ShouldBe(app.Clock.GetUtcNow());
        details.OpenActions.ShouldBe(0);
    }

    [Fact]
    public async Task The_lighting_team_may_not_complete_a_clean_streets_action()
    {
        var problem = await app.ReportProblemWithAction(Team.CleanStreets.Id);

        var result = await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete",
            new { version = problem.Version, note = "Done." }, 403);

        (await result.Detail()).ShouldContain("Clean Streets");
        (await app.Details(problem.Id)).Actions.Single().Status.ShouldBe(ActionStatus.Open);
    }

    [Fact]
    public async Task A_coordinator_completes_any_teams_action()
    {
        var problem = await app.ReportProblemWithAction(Team.CleanStreets.Id);
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete", new { version = problem.Version, note = "Cleared." });
        (await app.Details(problem.Id)).Actions.Single().CompletedBy.ShouldBe("Sam Coordinator");
    }

    [Fact]
    public async Task Completing_needs_a_note()
    {
        var problem = await app.ReportProblemWithAction();
        var result = await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete", new { version = problem.Version, note = "" }, 400);
        (await result.Errors()).ShouldContainKey("note");
    }

    [Fact]
    public async Task A_done_action_cannot_be_completed_again()
    {
        var problem = await app.ReportProblemWithAction();
        var done = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete", new { version = problem.Version, note = "Done." });
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete",
            new { version = await done.NewVersion(), note = "Done again." }, 400);
        (await result.Detail()).ShouldContain("done already");
    }

    [Fact]
    public async Task A_done_action_is_reopened_with_a_reason_and_is_open_again()
    {
        var problem = await app.ReportProblemWithAction();
        var done = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete", new { version = problem.Version, note = "Done." });

        await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reopen",
            new { version = await done.NewVersion(), reason = "Column 14 is dark again." });

        var details = await app.Details(problem.Id);
        var action = details.Actions.Single();
        action.Status.ShouldBe(ActionStatus.Open);
        action.CompletedBy.ShouldBeNull();
        details.OpenActions.ShouldBe(1);
    }

    [Fact]
    public async Task Reopening_needs_a_reason()
    {
        var problem = await app.ReportProblemWithAction();
        var done = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/complete", new { version = problem.Version, note = "Done." });
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reopen", new { version = await done.NewVersion() }, 400);
        (await result.Errors()).ShouldContainKey("reason");
    }

    [Fact]
    public async Task An_open_action_cannot_be_reopened()
    {
        var problem = await app.ReportProblemWithAction();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reopen",
            new { version = problem.Version, reason = "Again." }, 400);
        (await result.Detail()).ShouldContain("still open");
    }

    [Fact]
    public async Task A_coordinator_cancels_an_action_with_a_reason()
    {
        var problem = await app.ReportProblemWithAction();

        await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/cancel",
            new { version = problem.Version, reason = "Covered by the LED upgrade." });

        var details = await app.Details(problem.Id);
        details.Actions.Single().Status.ShouldBe(ActionStatus.Cancelled);
        details.Actions.Single().CancelledReason.ShouldBe("Covered by the LED upgrade.");
        details.OpenActions.ShouldBe(0);
    }

    [Fact]
    public async Task Cancelling_needs_a_reason()
    {
        var problem = await app.ReportProblemWithAction();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/cancel", new { version = problem.Version, reason = " " }, 400);
        (await result.Errors()).ShouldContainKey("reason");
    }

    [Fact]
    public async Task A_coordinator_reassigns_an_action_to_another_team()
    {
        var problem = await app.ReportProblemWithAction(Team.StreetLighting.Id);

        await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reassign",
            new { version = problem.Version, teamId = Team.CleanStreets.Id, assignee = "Day crew" });

        var action = (await app.Details(problem.Id)).Actions.Single();
        action.TeamId.ShouldBe(Team.CleanStreets.Id);
        action.TeamName.ShouldBe("Clean Streets");
        action.Assignee.ShouldBe("Day crew");
    }

    [Fact]
    public async Task Reassigning_to_an_unknown_team_is_a_400_naming_the_team()
    {
        var problem = await app.ReportProblemWithAction();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reassign",
            new { version = problem.Version, teamId = Guid.CreateVersion7() }, 400);
        (await result.Errors()).ShouldContainKey("teamId");
        (await app.Details(problem.Id)).Actions.Single().TeamId.ShouldBe(Team.StreetLighting.Id);
    }

    [Fact]
    public async Task The_lighting_team_reschedules_its_own_action()
    {
        var problem = await app.ReportProblemWithAction(Team.StreetLighting.Id);
        var dueOn = app.Today().AddDays(21);

        await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reschedule",
            new { version = problem.Version, dueOn, reason = "Replacement lanterns arrive in three weeks." });

        (await app.Details(problem.Id)).Actions.Single().DueOn.ShouldBe(dueOn);
    }

    [Fact]
    public async Task The_lighting_team_may_not_reschedule_a_clean_streets_action()
    {
        var problem = await app.ReportProblemWithAction(Team.CleanStreets.Id, app.Today().AddDays(7));

        var result = await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reschedule",
            new { version = problem.Version, dueOn = app.Today().AddDays(21), reason = "Later." }, 403);

        (await result.Detail()).ShouldContain("Clean Streets");
        (await app.Details(problem.Id)).Actions.Single().DueOn.ShouldBe(app.Today().AddDays(7));
    }

    [Fact]
    public async Task The_lighting_team_passes_an_action_that_is_not_its_work_to_another_team()
    {
        var problem = await app.ReportProblemWithAction(Team.StreetLighting.Id);

        await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reassign",
            new { version = problem.Version, teamId = Team.CleanStreets.Id });

        (await app.Details(problem.Id)).Actions.Single().TeamName.ShouldBe("Clean Streets");
    }

    [Fact]
    public async Task The_lighting_team_may_not_pass_on_a_clean_streets_action()
    {
        var problem = await app.ReportProblemWithAction(Team.CleanStreets.Id);

        var result = await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reassign",
            new { version = problem.Version, teamId = Team.StreetLighting.Id }, 403);

        (await result.Detail()).ShouldContain("Clean Streets");
        (await app.Details(problem.Id)).Actions.Single().TeamId.ShouldBe(Team.CleanStreets.Id);
    }

    [Fact]
    public async Task Rescheduling_to_a_date_that_is_not_a_date_is_a_400_naming_the_due_date()
    {
        var problem = await app.ReportProblemWithAction();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reschedule",
            new { version = problem.Version, dueOn = "soon", reason = "Later." }, 400);
        (await result.Errors())["dueOn"].Single().ShouldContain("2026-11-30");
    }

    [Fact]
    public async Task Rescheduling_into_the_past_or_without_a_reason_is_a_400_naming_both()
    {
        var problem = await app.ReportProblemWithAction();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reschedule",
            new { version = problem.Version, dueOn = app.Today().AddDays(-1) }, 400);
        (await result.Errors()).Keys.ShouldBe(["reason", "dueOn"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("complete")]
    [InlineData("reopen")]
    [InlineData("cancel")]
    [InlineData("reassign")]
    [InlineData("reschedule")]
    public async Task A_write_on_an_unknown_action_is_a_404(string verb)
    {
        var problem = await app.ReportProblemWithAction();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions/{Guid.CreateVersion7()}/{verb}", new
        {
            version = problem.Version, note = "Done.", reason = "Because.", teamId = Team.CleanStreets.Id, dueOn = app.Today().AddDays(7),
        }, 404);
        (await result.Detail()).ShouldContain("no such action");
    }

    [Fact]
    public async Task A_team_member_on_an_unknown_action_gets_a_404_not_a_403()
    {
        var problem = await app.ReportProblemWithAction(Team.CleanStreets.Id);
        await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{Guid.CreateVersion7()}/complete", new { version = problem.Version, note = "Done." }, 404);
    }

    [Fact]
    public async Task An_action_whose_due_date_has_passed_is_overdue_and_counted()
    {
        var problem = await app.ReportProblemWithAction(dueOn: app.Today());

        app.Clock.Advance(TimeSpan.FromDays(2));

        var details = await app.Details(problem.Id);
        details.Actions.Single().Overdue.ShouldBeTrue();
        details.OverdueActions.ShouldBe(1);
    }

    [Fact]
    public async Task An_action_due_today_is_not_overdue()
    {
        var problem = await app.ReportProblemWithAction(dueOn: app.Today());
        var details = await app.Details(problem.Id);
        details.Actions.Single().Overdue.ShouldBeFalse();
        details.OverdueActions.ShouldBe(0);
    }
}
