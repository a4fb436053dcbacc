using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class DetailsRevisionTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_revises_some_details_and_the_rest_stay_as_they_were()
    {
        var created = await app.ReportProblem();

        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/details", new
        {
            version = created.Version, title = "Street lights out on Wenlock Street and Burr Street", category = "CCTV", risk = "Medium",
            location = new { description = "Wenlock Street and Burr Street", ward = "High Town" },
        });

        (await result.NewVersion()).ShouldBe(created.Version + 1);
        var details = await app.Details(created.Id);
        details.Title.ShouldBe("Street lights out on Wenlock Street and Burr Street");
        details.Category.ShouldBe("CCTV");
        details.Risk.ShouldBe(Risk.Medium);
        details.Location.Description.ShouldBe("Wenlock Street and Burr Street");
        details.Location.Latitude.ShouldBeNull();
        details.Statement.ShouldStartWith("Three columns between Brunswick Street");
    }

    [Fact]
    public async Task An_unknown_category_is_a_400_naming_the_category()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/details", new { version = created.Version, category = "Potholes" }, 400);
        (await result.Errors())["category"].Single().ShouldContain("Potholes");
        (await app.Details(created.Id)).Category.ShouldBe("Street lighting");
    }

    [Fact]
    public async Task A_risk_that_is_not_high_medium_or_low_is_a_400_rather_than_left_unchanged()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/details",
            new { version = created.Version, title = "Lights out on Wenlock Street", risk = "Severe" }, 400);
        (await result.Errors())["risk"].Single().ShouldContain("High, Medium, Low");
        (await app.Details(created.Id)).Title.ShouldBe("Street lights out on Wenlock Street");
    }

    [Fact]
    public async Task A_blank_title_and_a_half_given_position_are_named_together()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/details", new
        {
            version = created.Version, title = " ", location = new { description = "Wenlock Street", latitude = 51.88 },
        }, 400);
        (await result.Errors()).Keys.ShouldBe(["title", "location.longitude"], ignoreOrder: true);
    }

    [Fact]
    public async Task Sending_nothing_new_is_a_400_that_says_nothing_changed()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/details",
            new { version = created.Version, title = "Street lights out on Wenlock Street", risk = "High" }, 400);
        (await result.Detail()).ShouldContain("Nothing has changed");
    }
}
