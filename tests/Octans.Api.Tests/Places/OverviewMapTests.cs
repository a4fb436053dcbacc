using System.Text.Json;
using Alba;
using Microsoft.AspNetCore.Http;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using static Octans.Api.Tests.Places.RadiusSearchTests;

namespace Octans.Api.Tests.Places;

[Collection(ApiCollection.Name)]
public sealed class OverviewMapTests(AppFixture app)
{
    [Fact]
    public async Task The_map_is_a_GeoJSON_feature_collection_of_the_problems_with_a_pin()
    {
        var area = await app.GivenArea();
        var place = Somewhere();
        var pinned = await app.GivenProblem("Pinned on the map", area, pin: place);
        await pinned.Then(new RecordReview(app.Today(), Rag.Amber, "Keep in Clear until the lamp is fixed."));
        await app.GivenProblem("No pin", area);

        var result = await app.Get($"/api/map?area={area.Id}");

        result.Context.Response.ContentType.ShouldStartWith("application/geo+json");
        using var map = JsonDocument.Parse(await result.ReadAsTextAsync());
        map.RootElement.GetProperty("type").GetString().ShouldBe("FeatureCollection");
        var feature = map.RootElement.GetProperty("features").EnumerateArray().ShouldHaveSingleItem();
        feature.GetProperty("type").GetString().ShouldBe("Feature");
        var geometry = feature.GetProperty("geometry");
        geometry.GetProperty("type").GetString().ShouldBe("Point");
        geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ShouldBe([place.Longitude, place.Latitude]);
        var properties = feature.GetProperty("properties");
        properties.GetProperty("id").GetGuid().ShouldBe(pinned.Id);
        properties.GetProperty("reference").GetString().ShouldBe(pinned.Reference);
        properties.GetProperty("title").GetString().ShouldBe("Pinned on the map");
        properties.GetProperty("phase").GetString().ShouldBe("Clear");
        properties.GetProperty("rag").GetString().ShouldBe("Amber");
    }

    [Fact]
    public async Task The_map_keeps_the_phase_and_category_asked_for()
    {
        var area = await app.GivenArea();
        var hold = await app.GivenProblem("In Hold", area, category: "Alleyway", pin: Somewhere());
        await hold.Then(new AdvancePhase("Agreed at tasking."));
        await app.GivenProblem("In Clear", area, category: "Alleyway", pin: Somewhere());
        var other = await app.GivenProblem("In Hold, lighting", area, pin: Somewhere());
        await other.Then(new AdvancePhase("Agreed at tasking."));

        var result = await app.Get($"/api/map?area={area.Id}&phase=Hold&category=Alleyway");

        using var map = JsonDocument.Parse(await result.ReadAsTextAsync());
        map.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("id").GetGuid())
            .ShouldBe([hold.Id]);
    }

    [Theory]
    [InlineData("phase=Limbo", "phase")]
    [InlineData("area=Atlantis", "area")]
    public async Task A_map_filter_that_cannot_be_understood_is_a_400_naming_it(string query, string field)
    {
        var result = await app.Get($"/api/map?{query}", status: 400);

        (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors.Keys.ShouldBe([field]);
    }
}
