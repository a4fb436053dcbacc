using Alba;
using Microsoft.AspNetCore.Http;
using Octans.Api.Places;
using Octans.Api.Problems.Listing;
using Octans.Api.Tests.Problems;
using Octans.Domain;

namespace Octans.Api.Tests.Places;

[Collection(ApiCollection.Name)]
public sealed class RadiusSearchTests(AppFixture app)
{
    [Fact]
    public async Task Problems_within_the_circle_come_nearest_first_with_their_distance_and_those_outside_are_left_out()
    {
        var area = await app.GivenArea();
        var centre = Somewhere();
        var far = await app.GivenProblem("Three hundred metres north", area, pin: North(centre, 300));
        var near = await app.GivenProblem("Forty metres north", area, pin: North(centre, 40));
        var middle = await app.GivenProblem("A hundred and twenty metres north", area, pin: North(centre, 120));
        await app.GivenProblem("No pin at all", area);

        var page = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&near={Near(centre)}&within=200");

        page.Items.Select(i => i.Id).ShouldBe([near.Id, middle.Id]);
        page.Total.ShouldBe(2);
        page.Items[0].DistanceMetres!.Value.ShouldBeInRange(39, 41);
        page.Items[1].DistanceMetres!.Value.ShouldBeInRange(119, 121);
        (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&near={Near(centre)}&within=500")).Items.Select(i => i.Id)
            .ShouldBe([near.Id, middle.Id, far.Id]);
    }

    [Fact]
    public async Task Without_within_the_circle_is_150_metres_and_without_near_no_item_has_a_distance()
    {
        var area = await app.GivenArea();
        var centre = Somewhere();
        var inside = await app.GivenProblem("Inside 150 metres", area, pin: North(centre, 140));
        await app.GivenProblem("Outside 150 metres", area, pin: North(centre, 160));

        (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&near={Near(centre)}")).Items.Select(i => i.Id).ShouldBe([inside.Id]);
        var body = await (await app.Get($"/api/problems?area={area.Id}")).ReadAsTextAsync();
        body.ShouldNotContain("distanceMetres");
    }

    [Fact]
    public async Task The_circle_combines_with_the_other_filters_and_pages()
    {
        var area = await app.GivenArea();
        var centre = Somewhere();
        var hold = await app.GivenProblem("In Hold, close by", area, pin: North(centre, 20));
        await hold.Then(new AdvancePhase("Agreed at tasking."));
        await app.GivenProblem("In Clear, close by", area, pin: North(centre, 10));
        var holdFurther = await app.GivenProblem("In Hold, further", area, pin: North(centre, 90));
        await holdFurther.Then(new AdvancePhase("Agreed at tasking."));

        (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&phase=Hold&near={Near(centre)}")).Items.Select(i => i.Id)
            .ShouldBe([hold.Id, holdFurther.Id]);
        var second = await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&phase=Hold&near={Near(centre)}&page=2&pageSize=1");
        second.Items.Select(i => i.Id).ShouldBe([holdFurther.Id]);
        second.Total.ShouldBe(2);
    }

    [Fact]
    public async Task A_revised_location_moves_the_pin()
    {
        var area = await app.GivenArea();
        var before = Somewhere();
        var after = Somewhere();
        var problem = await app.GivenProblem("Moved along the street", area, pin: before);

        await problem.Then(new ReviseDetails(null, null, null, null, new Location("Further along", after.Latitude, after.Longitude, null, null, null)));

        (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&near={Near(before)}")).Items.ShouldBeEmpty();
        (await app.Get<ProblemListPage>($"/api/problems?area={area.Id}&near={Near(after)}")).Items.Single().Id.ShouldBe(problem.Id);
    }

    [Fact]
    public async Task Nearby_problems_are_the_open_ones_nearest_first_up_to_the_limit()
    {
        var centre = Somewhere();
        var nearest = await app.GivenProblem("Nearest", pin: North(centre, 15));
        var next = await app.GivenProblem("Next", pin: North(centre, 60));
        await app.GivenProblem("Third", pin: North(centre, 100));
        var closed = await app.GivenProblem("Closed, nearer still", pin: North(centre, 5));
        await closed.Then(new CloseProblem(Outcome.Resolved, "Lamp replaced and no reports since."));
        await app.GivenProblem("Too far", pin: North(centre, 400));

        await using var session = app.Store.QuerySession();
        var found = await ProblemPlaces.NearbyAsync(session, centre.Latitude, centre.Longitude, ProblemPlaces.DefaultMetres, 2, CancellationToken.None);

        found.Select(f => f.ProblemId).ShouldBe([nearest.Id, next.Id]);
        found[0].ShouldBe(new NearbyProblem(nearest.Id, nearest.Reference, "Nearest", Phase.Clear, found[0].DistanceMetres));
        found[0].DistanceMetres.ShouldBeInRange(14, 16);
    }

    [Theory]
    [InlineData("near=somewhere", "near")]
    [InlineData("near=51.8862", "near")]
    [InlineData("near=51.8862,-0.4172,3", "near")]
    [InlineData("near=91,-0.4172", "near")]
    [InlineData("near=51.8862,-181", "near")]
    [InlineData("near=NaN,0", "near")]
    [InlineData("near=51.8862,-0.4172&within=0", "within")]
    [InlineData("near=51.8862,-0.4172&within=5001", "within")]
    [InlineData("near=51.8862,-0.4172&within=lots", "within")]
    [InlineData("within=200", "within")]
    public async Task A_circle_that_cannot_be_understood_is_a_400_naming_it(string query, string field)
    {
        var result = await app.Get($"/api/problems?{query}", status: 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe([field]);
    }

    /// <summary>A point of the test's own, far from any other test's, in the hills of Wales and Scotland.</summary>
    internal static (double Latitude, double Longitude) Somewhere() => (52 + Random.Shared.NextDouble() * 4, -4 + Random.Shared.NextDouble() * 1.5);

    internal static (double Latitude, double Longitude) North((double Latitude, double Longitude) from, double metres) =>
        (from.Latitude + metres / 111_250.0, from.Longitude);

    internal static string Near((double Latitude, double Longitude) point) =>
        FormattableString.Invariant($"{point.Latitude:0.#######},{point.Longitude:0.#######}");
}
