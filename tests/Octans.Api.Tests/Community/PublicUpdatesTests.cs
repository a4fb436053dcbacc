using System.Text.Json;
using Octans.Api.Inbox;
using Octans.Api.Problems.Listing;
using Octans.Api.Tests.Inbox;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Community;

/// <summary>Writing public updates and marking problems and categories sensitive, through the API, and where sensitivity shows.</summary>
[Collection(ApiCollection.Name)]
public sealed class PublicUpdatesTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_writes_an_update_and_the_problem_shows_it()
    {
        var problem = await app.ReportProblem();

        var version = await app.WritePublicUpdate(problem.Id, problem.Version, "The lamps on Wenlock Street were repaired on Monday.");

        var details = await app.Details(problem.Id);
        details.Version.ShouldBe(version);
        details.Sensitive.ShouldBeFalse();
        details.PublicUpdates.ShouldHaveSingleItem().Text.ShouldBe("The lamps on Wenlock Street were repaired on Monday.");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_blank_update_is_a_400_naming_the_text_and_stores_nothing(string? text)
    {
        var problem = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/public-updates", new { version = problem.Version, text }, 400);
        (await result.Errors()).ShouldContainKey("text");
        (await app.Details(problem.Id)).PublicUpdates.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_update_over_200_characters_is_a_400_and_stores_nothing()
    {
        var problem = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/public-updates", new { version = problem.Version, text = new string('a', 201) }, 400);
        (await result.Errors()).ShouldContainKey("text");
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Fact]
    public async Task An_update_on_a_sensitive_problem_is_refused_and_stores_nothing()
    {
        var problem = await app.ReportProblem();
        var version = await app.MarkSensitive(problem.Id, problem.Version);

        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/public-updates", new { version, text = "Cleared." }, 400);

        (await result.Detail()).ShouldContain("is sensitive");
        var details = await app.Details(problem.Id);
        (details.Version, details.PublicUpdates.Count, details.Sensitive).ShouldBe((version, 0, true));
    }

    [Fact]
    public async Task An_update_on_a_problem_in_a_sensitive_category_is_refused_and_stores_nothing()
    {
        var category = await app.GivenCategory(sensitive: true);
        var problem = await app.GivenProblem("Outreach meeting point", category: category);

        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/public-updates", new { version = problem.Version, text = "Cleared." }, 400);

        (await result.Detail()).ShouldContain("which is sensitive");
        var details = await app.Details(problem.Id);
        (details.Version, details.PublicUpdates.Count, details.Sensitive).ShouldBe((problem.Version, 0, true));
    }

    [Fact]
    public async Task Sensitivity_is_one_truth_on_the_list_the_problems_own_mark_or_its_categorys()
    {
        var area = await app.GivenArea();
        var category = await app.GivenCategory();
        var plain = await app.GivenProblem("Plain", area, category: category);
        var marked = await app.GivenProblem("Marked", area);
        await app.MarkSensitive(marked.Id, marked.Version);

        await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity", new { sensitive = true });
        var list = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}");

        list.Items.Select(i => (i.Title, i.Sensitive)).ShouldBe([("Marked", true), ("Plain", true)], ignoreOrder: true);
        (await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity", new { sensitive = false })).Context.Response.StatusCode.ShouldBe(200);
        (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}")).Items.Single(i => i.Id == plain.Id).Sensitive.ShouldBeFalse();
    }

    [Fact]
    public async Task Marking_a_problem_as_it_already_is_or_without_saying_is_a_400()
    {
        var problem = await app.ReportProblem();
        (await (await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity", new { version = problem.Version }, 400)).Errors()).ShouldContainKey("sensitive");
        (await (await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity", new { version = problem.Version, sensitive = false }, 400)).Errors())
            .ShouldContainKey("sensitive");
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Fact]
    public async Task A_category_unknown_or_without_saying_is_refused_and_a_sensitive_one_is_not_removed()
    {
        await app.Post(ProblemsApi.Admin, "/api/categories/No%20such%20category/sensitivity", new { sensitive = true }, 404);
        var category = await app.GivenCategory(sensitive: true);
        (await (await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity", new { }, 400)).Errors()).ShouldContainKey("sensitive");

        var token = await app.TokenFor(ProblemsApi.Admin);
        await app.Host.Scenario(s =>
        {
            s.Delete.Url($"/api/categories/{Uri.EscapeDataString(category)}");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(400);
        });
        (await app.Get<List<JsonElement>>("/api/categories")).ShouldContain(c => c.GetProperty("name").GetString() == category && c.GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public async Task The_map_leaves_sensitive_problems_out_for_those_who_may_not_see_them()
    {
        var area = await app.GivenArea();
        var open = await app.GivenProblem("Open to all", area, pin: (51.8850, -0.4130));
        var hidden = await app.GivenProblem("Sensitive place", area, pin: (51.8851, -0.4131));
        await app.MarkSensitive(hidden.Id, hidden.Version);

        async Task<string[]> Pins(string email) =>
            [.. JsonDocument.Parse(await (await app.Get($"/api/map?area={area.Id}", email)).ReadAsTextAsync()).RootElement.GetProperty("features")
                .EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("title").GetString()!)];

        (await Pins(Councillor)).ShouldBe(["Open to all"]);
        (await Pins(Lighting)).ShouldBe(["Open to all"]);
        (await Pins(Coordinator)).ShouldBe(["Open to all", "Sensitive place"], ignoreOrder: true);
        (await Pins(ProblemsApi.Admin)).ShouldBe(["Open to all", "Sensitive place"], ignoreOrder: true);
        open.Id.ShouldNotBe(hidden.Id);
    }

    [Fact]
    public async Task Open311_gives_the_latest_public_update_as_status_notes_until_the_problem_is_sensitive()
    {
        var problem = await app.ReportProblem();
        var report = await app.TakeReport();
        await app.Post(Coordinator, $"/api/inbox/{report}/attach", new { problemId = problem.Id, version = problem.Version });
        async Task<string> Notes() =>
            JsonDocument.Parse(await (await app.Host.Scenario(s => s.Get.Url($"/open311/v2/requests/{report}.json"))).ReadAsTextAsync())
                .RootElement[0].GetProperty("status_notes").GetString()!;
        var fixedNotes = await Notes();

        var version = (await app.Details(problem.Id)).Version;
        version = await app.WritePublicUpdate(problem.Id, version, "Columns 4 to 6 were repaired on Monday.");
        version = await app.WritePublicUpdate(problem.Id, version, "The new LED lanterns go in next month.");
        (await Notes()).ShouldBe("The new LED lanterns go in next month.");

        await app.MarkSensitive(problem.Id, version);
        (await Notes()).ShouldBe(fixedNotes);
    }
}
