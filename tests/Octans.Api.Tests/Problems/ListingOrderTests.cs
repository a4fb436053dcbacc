using Alba;
using Microsoft.AspNetCore.Http;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>The list sorted for chasing, the place and the review date of each problem, and counts per phase that follow the filters.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListingOrderTests(AppFixture app)
{
    /// <summary>Four problems whose risk, confidence, next review and last update each put them in a different order.</summary>
    private async Task<(Area Area, GivenProblem High, GivenProblem Medium, GivenProblem Low, GivenProblem Unrated)> FourAsync()
    {
        var area = await app.GivenArea();
        var now = app.Clock.GetUtcNow();
        var today = app.Today();
        var high = await app.GivenProblem("High risk, Green", area, risk: Risk.High, at: now.AddDays(-9));
        await high.Then(new RecordReview(today.AddDays(-9), Rag.Green, "Holding.", today.AddDays(20)), at: now.AddDays(-9));
        var medium = await app.GivenProblem("Medium risk, Red", area, risk: Risk.Medium, at: now.AddDays(-8));
        await medium.Then(new RecordReview(today.AddDays(-8), Rag.Red, "Worse.", today.AddDays(-2)), at: now.AddDays(-7));
        var low = await app.GivenProblem("Low risk, Amber", area, risk: Risk.Low, at: now.AddDays(-6));
        await low.Then(new RecordReview(today.AddDays(-6), Rag.Amber, "Improving.", today.AddDays(3)), at: now.AddDays(-5));
        var unrated = await app.GivenProblem("Medium risk, not rated", area, risk: Risk.Medium, at: now.AddDays(-1));
        return (area, high, medium, low, unrated);
    }

    [Fact]
    public async Task Each_order_puts_what_needs_chasing_first_and_pages_follow_it()
    {
        var (area, high, medium, low, unrated) = await FourAsync();

        (await Ids($"area={area.Id}")).ShouldBe([unrated.Id, low.Id, medium.Id, high.Id]);
        (await Ids($"area={area.Id}&sort=updated")).ShouldBe([unrated.Id, low.Id, medium.Id, high.Id]);
        (await Ids($"area={area.Id}&sort=risk")).ShouldBe([high.Id, unrated.Id, medium.Id, low.Id]);
        (await Ids($"area={area.Id}&sort=confidence")).ShouldBe([medium.Id, low.Id, high.Id, unrated.Id]);
        (await Ids($"area={area.Id}&sort=nextReview")).ShouldBe([medium.Id, low.Id, high.Id, unrated.Id]);

        var second = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&sort=confidence&pageSize=2&page=2");
        second.Items.Select(i => i.Id).ShouldBe([high.Id, unrated.Id]);
        second.Total.ShouldBe(4);
    }

    [Fact]
    public async Task The_CSV_follows_the_order_asked_for()
    {
        var (area, high, medium, low, unrated) = await FourAsync();

        var csv = await (await app.Get($"/api/problems.csv?area={area.Id}&sort=risk&columns=reference")).ReadAsTextAsync();

        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ShouldBe([high.Reference, unrated.Reference, medium.Reference, low.Reference]);
    }

    [Fact]
    public async Task An_unknown_order_or_status_is_a_400_naming_the_field()
    {
        var sort = await app.Get("/api/problems?sort=loudest", status: 400);
        (await sort.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors["sort"].Single().ShouldBe("Sort by updated, risk, confidence or nextReview.");
        var status = await app.Get("/api/problems?status=Pending", status: 400);
        (await status.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors["status"].Single().ShouldBe("Choose the status: Open, Closed or Any.");
    }

    [Fact]
    public async Task Status_Any_keeps_open_and_closed_problems_as_no_status_does()
    {
        var area = await app.GivenArea();
        var open = await app.GivenProblem("Still open", area);
        var closed = await app.GivenProblem("Closed now", area);
        await closed.Then(new CloseProblem(Outcome.Resolved, "Cleared for good."));

        (await Ids($"area={area.Id}&status=Any")).ShouldBe([closed.Id, open.Id]);
        (await Ids($"area={area.Id}")).ShouldBe([closed.Id, open.Id]);
        (await Ids($"area={area.Id}&status=Open")).ShouldBe([open.Id]);
    }

    [Fact]
    public async Task Each_item_gives_its_place_and_next_review_and_flags_a_review_past_its_date_on_an_open_problem()
    {
        var area = await app.GivenArea();
        var now = app.Clock.GetUtcNow();
        var today = app.Today();
        var late = await app.GivenProblem("Review passed", area, location: "Alley behind Burr Street", at: now.AddDays(-10));
        await late.Then(new RecordReview(today.AddDays(-10), Rag.Amber, "Look again soon.", today.AddDays(-1)), at: now.AddDays(-10));
        var dueToday = await app.GivenProblem("Review due today", area, at: now.AddDays(-10));
        await dueToday.Then(new RecordReview(today.AddDays(-10), Rag.Amber, "Look again today.", today), at: now.AddDays(-10));
        var closed = await app.GivenProblem("Review passed but closed", area, at: now.AddDays(-10));
        await closed.Then(new RecordReview(today.AddDays(-10), Rag.Green, "Nearly there.", today.AddDays(-1)), at: now.AddDays(-10));
        await closed.Then(new CloseProblem(Outcome.Resolved, "Done."), at: now.AddDays(-9));

        var items = (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}")).Items.ToDictionary(i => i.Id);

        items[late.Id].Place.ShouldBe("Alley behind Burr Street");
        items[late.Id].NextReviewOn.ShouldBe(today.AddDays(-1));
        items[late.Id].ReviewOverdue.ShouldBeTrue();
        items[dueToday.Id].ReviewOverdue.ShouldBeFalse();
        items[closed.Id].ReviewOverdue.ShouldBeFalse();
    }

    [Fact]
    public async Task The_counts_per_phase_follow_every_filter_but_phase_and_status_and_leave_out_what_the_reader_may_not_see()
    {
        var area = await app.GivenArea();
        await app.GivenProblem("Graffiti in Clear", area, category: "Graffiti");
        var hold = await app.GivenProblem("Graffiti in Hold", area, category: "Graffiti");
        await hold.Then(new AdvancePhase("Agreed at tasking: Hold starts now."));
        var closed = await app.GivenProblem("Graffiti closed", area, category: "Graffiti");
        await closed.Then(new CloseProblem(Outcome.Resolved, "Painted over."));
        await app.GivenProblem("Fly-tipping in Clear", area, category: "Fly-tipping");
        var hidden = await app.GivenProblem("Graffiti at a sensitive place", area, category: "Graffiti");
        await hidden.Then(new ChangeSensitivity(true, [Team.HighTownPolice.Id]));

        (await Counts($"area={area.Id}&category=Graffiti&phase=Hold", Reader.Everything)).ShouldBe(new ProblemsByPhase(2, 1, 0, 1));
        (await Counts($"area={area.Id}&category=Graffiti&status=Closed", Reader.Public)).ShouldBe(new ProblemsByPhase(1, 1, 0, 1));
        (await Counts($"area={area.Id}", Reader.Public)).ShouldBe(new ProblemsByPhase(2, 1, 0, 1));
        (await Counts($"area={area.Id}&q=Hold", Reader.Public)).ShouldBe(new ProblemsByPhase(0, 1, 0, 0));
    }

    private async Task<ProblemsByPhase> Counts(string query, Reader reader)
    {
        var asked = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        string? Of(string name) => asked.TryGetValue(name, out var value) ? value.ToString() : null;
        await using var session = app.Store.QuerySession();
        var (filter, errors) = await ProblemFilter.CheckAsync(
            new ProblemFilter.Asked(Phase: Of("phase"), Category: Of("category"), Q: Of("q"), Area: Of("area"), Status: Of("status")),
            reader, session, app.Today(), CancellationToken.None);
        errors.ShouldBeEmpty();
        return await ProblemRows.CountByPhaseAsync(session, filter!, CancellationToken.None);
    }

    private async Task<List<Guid>> Ids(string query) =>
        (await app.Get<ProblemListPage>($"/api/problems?{query}&pageSize=200")).Items.Select(i => i.Id).ToList();
}
