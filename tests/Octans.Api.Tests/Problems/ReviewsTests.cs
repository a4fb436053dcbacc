using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class ReviewsTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_records_a_review_and_the_problem_takes_its_rating()
    {
        var created = await app.ReportProblem();
        var meetingOn = app.Today().AddDays(-1);

        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/reviews", new
        {
            version = created.Version, meetingOn, rag = "Amber", decision = "Keep in Clear until the columns are repaired.",
            nextReviewOn = meetingOn.AddDays(28),
        });

        (await result.NewVersion()).ShouldBe(created.Version + 1);
        var details = await app.Details(created.Id);
        details.Rag.ShouldBe(Rag.Amber);
        details.NextReviewOn.ShouldBe(meetingOn.AddDays(28));
        var review = details.Reviews.Single();
        review.MeetingOn.ShouldBe(meetingOn);
        review.Decision.ShouldBe("Keep in Clear until the columns are repaired.");
        review.By.ShouldBe("Sam Coordinator");
    }

    [Fact]
    public async Task A_meeting_in_the_future_is_a_400_naming_the_meeting_date()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/reviews",
            new { version = created.Version, meetingOn = app.Today().AddDays(1), rag = "Green", decision = "Done." }, 400);
        (await result.Errors()).ShouldContainKey("meetingOn");
    }

    [Fact]
    public async Task A_next_review_that_is_not_a_date_is_a_400_naming_it()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/reviews",
            new { version = created.Version, meetingOn = app.Today(), rag = "Green", decision = "Done.", nextReviewOn = "next month" }, 400);
        (await result.Errors()).Keys.ShouldBe(["nextReviewOn"]);
        (await app.Details(created.Id)).Reviews.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rating_that_is_not_red_amber_or_green_is_a_400_naming_the_rating()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/reviews",
            new { version = created.Version, meetingOn = app.Today(), rag = "Purple", decision = "Hmm." }, 400);
        (await result.Errors())["rag"].Single().ShouldContain("Red, Amber, Green");
    }

    [Fact]
    public async Task A_review_needs_its_decision()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/reviews",
            new { version = created.Version, meetingOn = app.Today(), rag = "Red" }, 400);
        (await result.Errors()).ShouldContainKey("decision");
    }
}
