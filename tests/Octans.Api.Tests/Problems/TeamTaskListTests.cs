using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class TeamTaskListTests(AppFixture app)
{
    private static readonly Guid Lights = Team.StreetLighting.Id;

    [Fact]
    public async Task A_team_sees_its_open_tasks_across_problems_earliest_due_first_with_each_problems_current_version()
    {
        var today = app.Today();
        var earlier = app.Clock.GetUtcNow().AddDays(-3);
        var alley = await app.GivenProblem("Task list alley", location: "Alley behind 40-60 High Town Road", at: earlier);
        var late = await alley.Plan("Replace lamp in column 14", Lights, today.AddDays(-1), at: earlier);
        var later = await alley.Plan("Check the timer", Lights, today.AddDays(9));
        var street = await app.GivenProblem("Task list street", location: "Wenlock Street", at: earlier);
        var soon = await street.Plan("Repair column 3", Lights, today);
        var done = await street.Plan("Clean the lantern", Lights, today.AddDays(1));
        await street.Then(new CompleteAction(done, "Cleaned."), by: GivenProblems.Lighting);
        await street.Plan("Sweep the pavement", Team.CleanStreets.Id, today.AddDays(2));
        await alley.Then(new AddNote("Residents report it is still dark."));

        var tasks = Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Lights}/actions", Lighting), alley, street);

        tasks.Select(t => t.ActionId).ShouldBe([late, soon, later]);
        tasks.Select(t => t.Overdue).ShouldBe([true, false, false]);
        var first = tasks[0];
        first.ProblemId.ShouldBe(alley.Id);
        first.ProblemReference.ShouldBe(alley.Reference);
        first.ProblemTitle.ShouldBe("Task list alley");
        first.Location.ShouldBe("Alley behind 40-60 High Town Road");
        first.Description.ShouldBe("Replace lamp in column 14");
        first.Phase.ShouldBe(Phase.Clear);
        first.DueOn.ShouldBe(today.AddDays(-1));
        first.Version.ShouldBe(alley.Version);
        tasks[1].Version.ShouldBe(street.Version);
    }

    [Fact]
    public async Task A_task_shows_the_problems_title_as_it_is_now()
    {
        var problem = await app.GivenProblem("Task list old title");
        await problem.Plan("Replace lamp", Lights, app.Today().AddDays(3));
        await problem.Then(new ReviseDetails("Task list new title", null, null, null, null));

        var task = Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Lights}/actions"), problem).Single();

        task.ProblemTitle.ShouldBe("Task list new title");
        task.Version.ShouldBe(3);
    }

    [Fact]
    public async Task The_status_picks_open_done_cancelled_or_all_tasks()
    {
        var problem = await app.GivenProblem("Task list statuses");
        var open = await problem.Plan("Still to do", Lights, app.Today().AddDays(3));
        var done = await problem.Plan("Done already", Lights, app.Today().AddDays(2));
        var cancelled = await problem.Plan("No longer needed", Lights, app.Today().AddDays(1));
        await problem.Then(new CompleteAction(done, "Done."));
        await problem.Then(new CancelAction(cancelled, "Covered by the other action."));

        async Task<List<Guid>> With(string status) =>
            Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Lights}/actions{status}"), problem).Select(t => t.ActionId).ToList();

        (await With("")).ShouldBe([open]);
        (await With("?status=Open")).ShouldBe([open]);
        (await With("?status=done")).ShouldBe([done]);
        (await With("?status=Cancelled")).ShouldBe([cancelled]);
        (await With("?status=All")).ShouldBe([cancelled, done, open]);
    }

    [Fact]
    public async Task A_reassigned_task_moves_to_the_new_teams_list()
    {
        var problem = await app.GivenProblem("Task list reassigned");
        var action = await problem.Plan("Clear the bins area", Lights, app.Today().AddDays(3));
        await problem.Then(new ReassignAction(action, Team.CleanStreets.Id, "Night crew"));

        Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Lights}/actions"), problem).ShouldBeEmpty();
        var moved = Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Team.CleanStreets.Id}/actions", Streets), problem).Single();
        moved.ActionId.ShouldBe(action);
        moved.Assignee.ShouldBe("Night crew");
    }

    [Fact]
    public async Task A_rescheduled_task_takes_its_new_due_date_and_place_in_the_list()
    {
        var problem = await app.GivenProblem("Task list rescheduled");
        var first = await problem.Plan("First planned", Lights, app.Today().AddDays(1));
        var second = await problem.Plan("Second planned", Lights, app.Today().AddDays(5));
        await problem.Then(new RescheduleAction(first, app.Today().AddDays(10), "Waiting for a cherry picker."));

        var tasks = Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Lights}/actions"), problem);

        tasks.Select(t => t.ActionId).ShouldBe([second, first]);
        tasks[1].DueOn.ShouldBe(app.Today().AddDays(10));
    }

    [Fact]
    public async Task Closing_a_problem_takes_its_open_tasks_off_the_list_as_cancelled()
    {
        var problem = await app.GivenProblem("Task list closed problem");
        var action = await problem.Plan("Replace lamp", Lights, app.Today().AddDays(3));
        await problem.Then(new CloseProblem(Outcome.HandedOver, "Handed to the highways team."));

        Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Lights}/actions"), problem).ShouldBeEmpty();
        Mine(await app.Get<List<TeamTaskView>>($"/api/teams/{Lights}/actions?status=Cancelled"), problem)
            .Single().ActionId.ShouldBe(action);
        (await TaskColumn(action, TeamTasks.Status)).ShouldBe("Cancelled");
    }

    [Fact]
    public async Task A_task_planned_in_the_same_write_as_the_report_knows_its_area()
    {
        var area = await app.GivenArea();
        var id = Guid.CreateVersion7();
        var actionId = Guid.CreateVersion7();
        var now = app.Clock.GetUtcNow();
        var reported = new ProblemReported(id, $"{area.Id}-0001", "Reported with its first action", "Statement.", "Other", area.Name, Risk.Low,
            new Location("Somewhere", null, null, null, null, null), GivenProblems.Coordinator, now);
        var planned = new ActionPlanned(id, actionId, Phase.Clear, "First action", Lights, null, app.Today(), GivenProblems.Coordinator, now);
        await using (var session = app.Store.LightweightSession())
        {
            session.Events.StartStream<Problem>(id, reported, planned);
            await session.SaveChangesAsync();
        }

        (await TaskColumn(actionId, TeamTasks.Area)).ShouldBe(area.Name);
    }

    [Theory]
    [InlineData(Coordinator)]
    [InlineData(Councillor)]
    [InlineData(ProblemsApi.Admin)]
    public async Task Coordinators_councillors_and_admins_may_read_any_teams_list(string email) =>
        await app.Get($"/api/teams/{Team.CleanStreets.Id}/actions", email);

    [Fact]
    public async Task A_team_member_may_not_read_another_teams_list()
    {
        var result = await app.Get($"/api/teams/{Team.CleanStreets.Id}/actions", Lighting, status: 403);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldNotBeNullOrWhiteSpace();
        await app.Get($"/api/teams/{Lights}/actions", Lighting);
    }

    [Fact]
    public async Task An_unknown_team_is_a_404() =>
        await app.Get($"/api/teams/{Guid.CreateVersion7()}/actions", status: 404);

    [Fact]
    public async Task An_unknown_status_is_a_400_naming_it()
    {
        var result = await app.Get($"/api/teams/{Lights}/actions?status=Someday", status: 400);
        (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors.Keys.ShouldBe(["status"]);
    }

    [Fact]
    public async Task Reading_a_task_list_needs_a_token() =>
        await app.Host.Scenario(s => { s.Get.Url($"/api/teams/{Lights}/actions"); s.StatusCodeShouldBe(401); });

    private async Task<string?> TaskColumn(Guid actionId, string column)
    {
        await using var session = app.Store.QuerySession();
        return await session.ReadFirstAsync($"select {column} from {TeamTasks.Table} where {TeamTasks.Id} = ?", r => r.GetString(0),
            CancellationToken.None, actionId);
    }

    // The list spans every problem in the shared test database, so each test looks only at its own problems.
    private static List<TeamTaskView> Mine(List<TeamTaskView> tasks, params GivenProblem[] problems) =>
        tasks.Where(t => problems.Any(p => p.Id == t.ProblemId)).ToList();
}
