using Alba;
using Microsoft.AspNetCore.Http;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class ListingTests(AppFixture app)
{
    [Fact]
    public async Task A_listed_problem_carries_its_reference_phase_rag_and_action_counts()
    {
        var area = await app.GivenArea();
        var now = app.Clock.GetUtcNow();
        var problem = await app.GivenProblem("Dark alley off Wenlock Street", area, category: "Alleyway", risk: Risk.High, at: now.AddDays(-3));
        await problem.Plan("Replace lamp in column 14", Team.StreetLighting.Id, app.Today().AddDays(-1), at: now.AddDays(-3));
        await problem.Plan("Cut back the hedge", Team.CleanStreets.Id, app.Today().AddDays(7), at: now.AddDays(-3));
        await problem.Then(new RecordReview(app.Today(), Rag.Amber, "Keep in Clear until the lamp is fixed."), at: now);

        var page = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}");

        page.Total.ShouldBe(1);
        var item = page.Items.Single();
        item.Id.ShouldBe(problem.Id);
        item.Reference.ShouldBe($"{area.Id}-0001");
        item.Title.ShouldBe("Dark alley off Wenlock Street");
        item.Category.ShouldBe("Alleyway");
        item.Area.ShouldBe(area.Name);
        item.Phase.ShouldBe(Phase.Clear);
        item.Status.ShouldBe(ProblemStatus.Open);
        item.Rag.ShouldBe(Rag.Amber);
        item.Risk.ShouldBe(Risk.High);
        item.OpenActions.ShouldBe(2);
        item.OverdueActions.ShouldBe(1);
        item.UpdatedAt.ShouldBe(now);
        item.Version.ShouldBe(4);
    }

    [Fact]
    public async Task The_phase_filter_keeps_open_problems_in_that_phase_and_Closed_keeps_closed_ones()
    {
        var area = await app.GivenArea();
        var clear = await app.GivenProblem("Still in Clear", area);
        var hold = await app.GivenProblem("Moved to Hold", area);
        await hold.Then(new AdvancePhase("Agreed at tasking."));
        var closed = await app.GivenProblem("Closed while in Clear", area);
        await closed.Then(new CloseProblem(Outcome.Resolved, "Lamp replaced and no reports since."));

        (await Ids($"area={area.Id}&phase=Clear")).ShouldBe([clear.Id]);
        (await Ids($"area={area.Id}&phase=hold")).ShouldBe([hold.Id]);
        (await Ids($"area={area.Id}&phase=Closed")).ShouldBe([closed.Id]);
        (await Ids($"area={area.Id}&phase=Build")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_status_filter_keeps_open_or_closed_problems()
    {
        var area = await app.GivenArea();
        var open = await app.GivenProblem("Open problem", area);
        var closed = await app.GivenProblem("Closed problem", area);
        await closed.Then(new CloseProblem(Outcome.NoFurtherAction, "Landowner cleared the site."));

        (await Ids($"area={area.Id}&status=Open")).ShouldBe([open.Id]);
        (await Ids($"area={area.Id}&status=closed")).ShouldBe([closed.Id]);
    }

    [Fact]
    public async Task The_category_filter_keeps_problems_of_that_category()
    {
        var area = await app.GivenArea();
        var graffiti = await app.GivenProblem("Tags on the bridge", area, category: "Graffiti");
        await app.GivenProblem("Mattress dumped", area, category: "Fly-tipping");

        (await Ids($"area={area.Id}&category=Graffiti")).ShouldBe([graffiti.Id]);
    }

    [Fact]
    public async Task The_team_filter_keeps_problems_with_an_open_action_for_that_team()
    {
        var area = await app.GivenArea();
        var open = await app.GivenProblem("Lighting still to do", area);
        await open.Plan("Replace lamp", Team.StreetLighting.Id, app.Today().AddDays(5));
        var done = await app.GivenProblem("Lighting done", area);
        var finished = await done.Plan("Replace lamp", Team.StreetLighting.Id, app.Today().AddDays(5));
        await done.Then(new CompleteAction(finished, "Lamp replaced."), by: GivenProblems.Lighting);
        var other = await app.GivenProblem("Streets only", area);
        await other.Plan("Sweep the alley", Team.CleanStreets.Id, app.Today().AddDays(5));

        (await Ids($"area={area.Id}&teamId={Team.StreetLighting.Id}")).ShouldBe([open.Id]);
        (await Ids($"area={area.Id}&teamId={Team.CleanStreets.Id}")).ShouldBe([other.Id]);
    }

    [Fact]
    public async Task The_rag_filter_keeps_problems_whose_latest_review_has_that_rating()
    {
        var area = await app.GivenArea();
        var red = await app.GivenProblem("Getting worse", area);
        await red.Then(new RecordReview(app.Today(), Rag.Green, "Improving."));
        await red.Then(new RecordReview(app.Today(), Rag.Red, "Worse again after the weekend."));
        var green = await app.GivenProblem("Getting better", area);
        await green.Then(new RecordReview(app.Today(), Rag.Green, "Improving."));
        await app.GivenProblem("Never reviewed", area);

        (await Ids($"area={area.Id}&rag=Red")).ShouldBe([red.Id]);
        (await Ids($"area={area.Id}&rag=Green")).ShouldBe([green.Id]);
    }

    [Fact]
    public async Task The_overdue_filter_keeps_open_problems_with_an_action_due_before_today_in_London()
    {
        var area = await app.GivenArea();
        var earlier = app.Clock.GetUtcNow().AddDays(-3);
        var late = await app.GivenProblem("Action due yesterday", area, at: earlier);
        await late.Plan("Replace lamp", Team.StreetLighting.Id, app.Today().AddDays(-1), at: earlier);
        var dueToday = await app.GivenProblem("Action due today", area, at: earlier);
        await dueToday.Plan("Replace lamp", Team.StreetLighting.Id, app.Today(), at: earlier);
        var finished = await app.GivenProblem("Late action finished", area, at: earlier);
        var action = await finished.Plan("Replace lamp", Team.StreetLighting.Id, app.Today().AddDays(-1), at: earlier);
        await finished.Then(new CompleteAction(action, "Done, a day late."));

        (await Ids($"area={area.Id}&overdue=true")).ShouldBe([late.Id]);
        (await Ids($"area={area.Id}&overdue=false")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task An_action_due_today_becomes_overdue_when_the_day_turns_in_London()
    {
        var area = await app.GivenArea();
        var today = app.Today();
        var problem = await app.GivenProblem("Due today", area);
        await problem.Plan("Replace lamp", Team.StreetLighting.Id, today);

        app.Clock.Advance(London.StartOfDay(today.AddDays(1)).AddMinutes(-1) - app.Clock.GetUtcNow());
        var lastMinute = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var nextDay = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}");

        lastMinute.Items.Single().OverdueActions.ShouldBe(0);
        (await Ids($"area={area.Id}&overdue=true")).ShouldBe([problem.Id]);
        nextDay.Items.Single().OverdueActions.ShouldBe(1);
    }

    [Fact]
    public async Task Free_text_finds_words_in_the_reference_title_statement_and_location_ignoring_case()
    {
        var area = await app.GivenArea();
        var byTitle = await app.GivenProblem("Broken BOLLARD outside the mosque", area);
        var byStatement = await app.GivenProblem("Vehicles on the pavement", area, statement: "Drivers mount the kerb since the bollard went.");
        var byLocation = await app.GivenProblem("Parking problem", area, location: "Bollard Lane, by the school gates");
        await app.GivenProblem("Fly-tipping behind the shops", area);

        (await Ids($"area={area.Id}&q=bollard")).ShouldBe([byLocation.Id, byStatement.Id, byTitle.Id], ignoreOrder: true);
        (await Ids($"area={area.Id}&q={byStatement.Reference.ToLowerInvariant()}")).ShouldBe([byStatement.Id]);
        (await Ids($"area={area.Id}&q=zebra")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Free_text_treats_percent_and_underscore_as_plain_characters()
    {
        var area = await app.GivenArea();
        var discount = await app.GivenProblem("Sign says 100% fines", area);
        await app.GivenProblem("Sign says 100 fines", area);

        (await Ids($"area={area.Id}&q={Uri.EscapeDataString("100%")}")).ShouldBe([discount.Id]);
        (await Ids($"area={area.Id}&q=_")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_area_may_be_given_by_its_name_or_its_code_and_keeps_other_areas_out()
    {
        var area = await app.GivenArea();
        var elsewhere = await app.GivenArea();
        var here = await app.GivenProblem("Problem in the area", area);
        await app.GivenProblem("Problem in another area", elsewhere);

        (await Ids($"area={area.Id}")).ShouldBe([here.Id]);
        (await Ids($"area={Uri.EscapeDataString(area.Name.ToUpperInvariant())}")).ShouldBe([here.Id]);
    }

    [Fact]
    public async Task Filters_combine_so_a_problem_must_match_every_one()
    {
        var area = await app.GivenArea();
        var both = await app.GivenProblem("Graffiti reviewed Red", area, category: "Graffiti");
        await both.Then(new RecordReview(app.Today(), Rag.Red, "Spreading."));
        var categoryOnly = await app.GivenProblem("Graffiti reviewed Green", area, category: "Graffiti");
        await categoryOnly.Then(new RecordReview(app.Today(), Rag.Green, "Mostly gone."));
        var ragOnly = await app.GivenProblem("Fly-tipping reviewed Red", area, category: "Fly-tipping");
        await ragOnly.Then(new RecordReview(app.Today(), Rag.Red, "Weekly dumping."));

        (await Ids($"area={area.Id}&category=Graffiti&rag=Red")).ShouldBe([both.Id]);
    }

    [Fact]
    public async Task Problems_come_most_recently_updated_first_a_page_at_a_time()
    {
        var area = await app.GivenArea();
        var start = app.Clock.GetUtcNow().AddHours(-5);
        var problems = new List<GivenProblem>();
        for (var i = 0; i < 5; i++) problems.Add(await app.GivenProblem($"Paged problem {i}", area, at: start.AddHours(i)));
        await problems[0].Then(new AddNote("Revisited: still there."), at: start.AddHours(4.5));
        List<Guid> newestFirst = [problems[0].Id, problems[4].Id, problems[3].Id, problems[2].Id, problems[1].Id];

        var first = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&page=1&pageSize=2");
        var last = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&page=3&pageSize=2");
        var beyond = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&page=4&pageSize=2");

        first.Items.Select(i => i.Id).ShouldBe(newestFirst[..2]);
        (first.Total, first.Page, first.PageSize).ShouldBe((5, 1, 2));
        last.Items.Select(i => i.Id).ShouldBe(newestFirst[4..]);
        (last.Total, last.Page, last.PageSize).ShouldBe((5, 3, 2));
        beyond.Items.ShouldBeEmpty();
        beyond.Total.ShouldBe(5);
    }

    [Fact]
    public async Task Without_paging_the_first_fifty_come_back()
    {
        var page = await app.Get<ProblemListPage>("/api/problems");
        (page.Page, page.PageSize).ShouldBe((1, 50));
    }

    [Theory]
    [InlineData("phase=Limbo", "phase")]
    [InlineData("rag=Purple", "rag")]
    [InlineData("status=Pending", "status")]
    [InlineData("teamId=street-lighting", "teamId")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("area=Atlantis", "area")]
    public async Task A_filter_that_cannot_be_understood_is_a_400_naming_it(string query, string field)
    {
        var result = await app.Get($"/api/problems?{query}", status: 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe([field]);
        problem.Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(Lighting)]
    [InlineData(Councillor)]
    [InlineData(ProblemsApi.Admin)]
    public async Task Every_signed_in_role_may_read_the_list(string email) =>
        await app.Get("/api/problems?pageSize=1", email);

    [Fact]
    public async Task The_last_page_there_could_be_is_empty_but_still_counts_the_matches()
    {
        var area = await app.GivenArea();
        await app.GivenProblem("Far page problem", area);

        var page = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&page={int.MaxValue}&pageSize=200");

        page.ShouldSatisfyAllConditions(p => p.Items.ShouldBeEmpty(), p => p.Total.ShouldBe(1), p => p.Page.ShouldBe(int.MaxValue));
    }

    [Fact]
    public async Task Reading_the_list_needs_a_token() =>
        await app.Host.Scenario(s => { s.Get.Url("/api/problems"); s.StatusCodeShouldBe(401); });

    private async Task<List<Guid>> Ids(string query) =>
        (await app.Get<ProblemListPage>($"/api/problems?{query}&pageSize=200")).Items.Select(i => i.Id).ToList();
}
