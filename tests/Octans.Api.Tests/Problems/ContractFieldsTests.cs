using System.Text.Json;
using Alba;
using Octans.Api.Problems.Actions;
using Octans.Api.ReferenceData;
using Octans.Api.Tests.Reports;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>The main GET answers carry at least the field names /work/shared/API.md version 1 promises, spelt as it spells them.</summary>
[Collection(ApiCollection.Name)]
public sealed class ContractFieldsTests(AppFixture app)
{
    [Fact]
    public async Task A_problem_its_list_row_and_its_timeline_carry_the_contract_fields()
    {
        var id = await AProblemWithSomethingInEveryList();

        var list = await Json($"/api/problems?q={Uri.EscapeDataString("Dark columns on Dunstable Road")}");
        Fields(list, "items", "total", "page", "pageSize");
        Fields(list.GetProperty("items")[0], ListFields);

        var details = await Json($"/api/problems/{id}");
        Fields(details, [.. ListFields, "statement", "location", "outcome", "exitCriteria", "actions", "notes", "reviews", "phaseHistory", "recurrences"]);
        Fields(details.GetProperty("location"), "description", "latitude", "longitude", "uprn", "usrn", "ward");
        Fields(details.GetProperty("exitCriteria")[0], "id", "phase", "text", "met", "metAt", "evidence");
        Fields(details.GetProperty("actions")[0],
            "id", "phase", "description", "teamId", "teamName", "assignee", "dueOn", "status", "overdue", "completedAt", "completedBy", "note");
        Fields(details.GetProperty("notes")[0], "at", "by", "text");
        Fields(details.GetProperty("reviews")[0], "meetingOn", "rag", "decision", "nextReviewOn", "by");
        Fields(details.GetProperty("phaseHistory")[0], "phase", "enteredAt", "by", "reason", "override");
        details.GetProperty("recurrences").ValueKind.ShouldBe(JsonValueKind.Array);

        var timeline = await Json($"/api/problems/{id}/timeline");
        foreach (var entry in timeline.EnumerateArray()) Fields(entry, "at", "by", "type", "summary");
    }

    [Fact]
    public async Task Teams_a_team_task_list_and_the_dashboard_carry_the_contract_fields()
    {
        await AProblemWithSomethingInEveryList();

        Fields((await Json("/api/teams"))[0], "id", "name", "partner");
        Fields((await Json($"/api/teams/{Team.StreetLighting.Id}/actions"))[0],
            "problemId", "problemReference", "problemTitle", "location", "actionId", "description", "phase", "dueOn", "overdue", "version");

        var dashboard = await Json("/api/dashboard");
        Fields(dashboard, "byPhase", "overdueByTeam", "openActions", "overdueActions");
        Fields(dashboard.GetProperty("byPhase"), "Clear", "Hold", "Build", "Closed");
        foreach (var team in dashboard.GetProperty("overdueByTeam").EnumerateArray()) Fields(team, "teamId", "teamName", "count");
    }

    [Fact]
    public async Task A_token_a_pack_job_and_the_pack_list_carry_the_contract_fields()
    {
        var token = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { email = Councillor, password = Octans.Api.Demo.DemoAccounts.DefaultPassword }).ToUrl("/api/auth/token");
            s.StatusCodeShouldBeOk();
        });
        Fields(JsonDocument.Parse(token.ReadAsText()).RootElement, "token", "expiresAt");

        var (area, _, _) = await app.CreateAreaAsync();
        var requested = await app.RequestPack(area.Name, "2026-10");
        var status = await app.WaitForJob(requested);
        Fields(await Json(requested.StatusUrl), "state", "reportId");

        var packs = await Json($"/api/reports?area={Uri.EscapeDataString(area.Name)}");
        var pack = packs.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == status.ReportId);
        Fields(pack, "id", "area", "month", "cutoff", "sha256", "pages", "bytes", "generatedAt");
    }

    private static readonly string[] ListFields =
        ["id", "reference", "title", "category", "area", "phase", "status", "rag", "risk", "openActions", "overdueActions", "updatedAt", "version"];

    private static void Fields(JsonElement answer, params string[] promised)
    {
        var names = answer.EnumerateObject().Select(p => p.Name).ToList();
        promised.Except(names).ShouldBeEmpty($"API.md promises these fields; the answer has {string.Join(", ", names)}");
    }

    private async Task<JsonElement> Json(string url, string email = Coordinator)
    {
        var token = await app.TokenFor(email);
        var result = await app.Host.Scenario(s => { s.Get.Url(url); s.WithBearerToken(token); s.StatusCodeShouldBeOk(); });
        return JsonDocument.Parse(result.ReadAsText()).RootElement.Clone();
    }

    /// <summary>A problem with an action for Street Lighting, an exit criterion, a note and a review.</summary>
    private async Task<Guid> AProblemWithSomethingInEveryList()
    {
        var problem = await app.ReportProblem(ReportBody("Dark columns on Dunstable Road"));
        var planned = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions",
            new { version = problem.Version, description = "Repair column 9", teamId = Team.StreetLighting.Id, dueOn = app.Today().AddDays(7).ToString("yyyy-MM-dd") });
        var version = (await planned.ReadAsJsonAsync<ActionPlannedAnswer>())!.Version;
        version = await Write($"/api/problems/{problem.Id}/criteria", new { version, phase = "Clear", text = "No dark columns for two weeks" });
        version = await Write($"/api/problems/{problem.Id}/notes", new { version, text = "Lighting team surveyed the road." });
        await Write($"/api/problems/{problem.Id}/reviews",
            new { version, meetingOn = app.Today().ToString("yyyy-MM-dd"), rag = "Amber", decision = "Keep the repairs going." });
        return problem.Id;
    }

    private async Task<int> Write(string url, object body) =>
        JsonDocument.Parse((await app.Post(Coordinator, url, body)).ReadAsText()).RootElement.GetProperty("version").GetInt32();
}
