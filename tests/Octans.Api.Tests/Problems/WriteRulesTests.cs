using Alba;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.Actions;
using Octans.Api.ReferenceData;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>A write route of API.md with a body it accepts, so the rules every write shares can be checked on each.</summary>
public sealed record WriteRoute(string Path, bool TeamMembersMay, Func<int?, DateOnly, object> Body)
{
    public string Url(Guid problemId, Guid actionId, Guid criterionId) =>
        Path.Replace("{id}", problemId.ToString()).Replace("{actionId}", actionId.ToString()).Replace("{criterionId}", criterionId.ToString());

    public static IReadOnlyDictionary<string, WriteRoute> All { get; } = new Dictionary<string, WriteRoute>
    {
        ["details"] = new("/api/problems/{id}/details", false, (version, _) => new { version, title = "Street lights out on Wenlock Street and Burr Street" }),
        ["plan action"] = new("/api/problems/{id}/actions", false, (version, today) => new
        {
            version, description = "Night inspection of columns 12 to 14", teamId = Team.StreetLighting.Id, dueOn = today.AddDays(7),
        }),
        ["complete action"] = new("/api/problems/{id}/actions/{actionId}/complete", true, (version, _) => new { version, note = "Lamps replaced." }),
        ["reopen action"] = new("/api/problems/{id}/actions/{actionId}/reopen", false, (version, _) => new { version, reason = "Lamp out again." }),
        ["cancel action"] = new("/api/problems/{id}/actions/{actionId}/cancel", false, (version, _) => new { version, reason = "Covered by the upgrade." }),
        ["reassign action"] = new("/api/problems/{id}/actions/{actionId}/reassign", true, (version, _) => new { version, teamId = Team.CleanStreets.Id }),
        ["reschedule action"] = new("/api/problems/{id}/actions/{actionId}/reschedule", true, (version, today) => new
        {
            version, dueOn = today.AddDays(14), reason = "Parts on order.",
        }),
        ["add note"] = new("/api/problems/{id}/notes", true, (version, _) => new { version, text = "Checked at dusk." }),
        ["add exit criterion"] = new("/api/problems/{id}/criteria", false, (version, _) => new { version, text = "All columns lit for four weeks" }),
        ["meet exit criterion"] = new("/api/problems/{id}/criteria/{criterionId}/met", false, (version, _) => new { version, evidence = "Night patrol logs." }),
        ["record review"] = new("/api/problems/{id}/reviews", false, (version, today) => new
        {
            version, meetingOn = today, rag = "Amber", decision = "Keep in Clear until the columns are repaired.",
        }),
        ["log recurrence"] = new("/api/problems/{id}/recurrences", true, (version, today) => new { version, observedOn = today, description = "Column 14 dark again." }),
        ["advance phase"] = new("/api/problems/{id}/advance", false, (version, _) => new { version, @override = "Repairs booked; moving on." }),
        ["revert phase"] = new("/api/problems/{id}/revert", false, (version, _) => new { version, reason = "Dark again." }),
        ["close problem"] = new("/api/problems/{id}/close", false, (version, _) => new { version, outcome = "Resolved", note = "All columns lit." }),
        ["reopen problem"] = new("/api/problems/{id}/reopen", false, (version, _) => new { version, reason = "Dark again." }),
        ["change sensitivity"] = new("/api/problems/{id}/sensitivity", false, (version, _) => new { version, sensitive = true }),
        ["write public update"] = new("/api/problems/{id}/public-updates", false, (version, _) => new { version, text = "The columns are lit again." }),
    };

    public static TheoryData<string> Names => new(All.Keys);

    public static TheoryData<string> CoordinatorOnly => new(All.Where(r => !r.Value.TeamMembersMay).Select(r => r.Key));
}

[Collection(ApiCollection.Name)]
public sealed class WriteRulesTests(AppFixture app)
{
    [Fact]
    public async Task The_API_description_lists_every_write()
    {
        var result = await app.Host.Scenario(s => s.Get.Url("/openapi/v1.json"));
        var paths = System.Text.Json.JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("paths");
        foreach (var write in WriteRoute.All.Values)
            paths.GetProperty(write.Path).TryGetProperty("post", out _).ShouldBeTrue(write.Path);
    }

    [Theory]
    [MemberData(nameof(WriteRoute.Names), MemberType = typeof(WriteRoute))]
    public async Task Every_write_needs_a_token(string route)
    {
        var write = WriteRoute.All[route];
        await app.Host.Scenario(s =>
        {
            s.Post.Json(write.Body(1, app.Today())).ToUrl(write.Url(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()));
            s.StatusCodeShouldBe(401);
        });
    }

    [Theory]
    [MemberData(nameof(WriteRoute.Names), MemberType = typeof(WriteRoute))]
    public async Task A_councillor_may_not_write(string route)
    {
        var problem = await app.ReportProblemWithAction();
        var write = WriteRoute.All[route];
        await app.Post(Councillor, write.Url(problem.Id, problem.ActionId, Guid.CreateVersion7()), write.Body(problem.Version, app.Today()), 403);
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Theory]
    [MemberData(nameof(WriteRoute.CoordinatorOnly), MemberType = typeof(WriteRoute))]
    public async Task A_team_member_may_not_make_a_coordinators_write(string route)
    {
        // The action is the member's own team's, so only the role can be what refuses them.
        var problem = await app.ReportProblemWithAction(Team.StreetLighting.Id);
        var write = WriteRoute.All[route];
        await app.Post(Lighting, write.Url(problem.Id, problem.ActionId, Guid.CreateVersion7()), write.Body(problem.Version, app.Today()), 403);
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Theory]
    [MemberData(nameof(WriteRoute.Names), MemberType = typeof(WriteRoute))]
    public async Task A_write_on_an_unknown_problem_is_a_404(string route)
    {
        var write = WriteRoute.All[route];
        var result = await app.Post(Coordinator, write.Url(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()), write.Body(1, app.Today()), 404);
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
    }

    [Theory]
    [MemberData(nameof(WriteRoute.Names), MemberType = typeof(WriteRoute))]
    public async Task A_write_with_a_stale_version_is_a_409_with_the_current_version_and_changes_nothing(string route)
    {
        var problem = await app.ReportProblemWithCriterion();
        var write = WriteRoute.All[route];
        var planned = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions", WriteRoute.All["plan action"].Body(problem.Version, app.Today()));
        var actionId = (await planned.ReadAsJsonAsync<ActionPlannedAnswer>())!.ActionId;
        var current = await planned.NewVersion();

        var result = await app.Post(Coordinator, write.Url(problem.Id, actionId, problem.CriterionId), write.Body(current - 1, app.Today()), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Extensions["currentVersion"]!.ToString().ShouldBe(current.ToString());
        (await app.Details(problem.Id)).Version.ShouldBe(current);
    }

    /// <summary>The pages decide a change again when only unrelated changes came since; API clients keep strict optimistic concurrency.</summary>
    [Theory]
    [MemberData(nameof(WriteRoute.Names), MemberType = typeof(WriteRoute))]
    public async Task A_write_made_stale_only_by_a_note_is_still_a_409_with_the_current_version(string route)
    {
        var problem = await app.ReportProblemWithCriterion();
        var write = WriteRoute.All[route];
        var planned = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions", WriteRoute.All["plan action"].Body(problem.Version, app.Today()));
        var actionId = (await planned.ReadAsJsonAsync<ActionPlannedAnswer>())!.ActionId;
        var seen = await planned.NewVersion();
        var current = await (await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = seen, text = "Walked the street at dusk." })).NewVersion();

        var result = await app.Post(Coordinator, write.Url(problem.Id, actionId, problem.CriterionId), write.Body(seen, app.Today()), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Extensions["currentVersion"]!.ToString().ShouldBe(current.ToString());
        (await app.Details(problem.Id)).Version.ShouldBe(current);
    }

    [Theory]
    [MemberData(nameof(WriteRoute.Names), MemberType = typeof(WriteRoute))]
    public async Task A_write_without_a_version_is_a_400_naming_the_version(string route)
    {
        var problem = await app.ReportProblemWithAction();
        var write = WriteRoute.All[route];
        var result = await app.Post(Coordinator, write.Url(problem.Id, problem.ActionId, Guid.CreateVersion7()), write.Body(null, app.Today()), 400);
        (await result.Errors()).ShouldContainKey("version");
    }
}
