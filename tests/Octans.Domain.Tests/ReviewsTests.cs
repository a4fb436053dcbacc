using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class ReviewsTests
{
    private static Decision Decide(RecordReview command) => ProblemDecisions.Decide(Given(), command, Coordinator, Now);

    [Fact]
    public void A_review_of_todays_meeting_is_recorded() =>
        Decide(new RecordReview(Today, Rag.Amber, " Keep in Clear until the lights are fixed. ", Today.AddMonths(1)))
            .ShouldAccept(new ReviewRecorded(ProblemId, Today, Rag.Amber, "Keep in Clear until the lights are fixed.",
                Today.AddMonths(1), Coordinator, Now));

    [Fact]
    public void A_review_may_leave_the_next_review_open() =>
        Decide(new RecordReview(Today.AddDays(-3), Rag.Green, "Good progress.")).IsRefused.ShouldBeFalse();

    [Fact]
    public void A_meeting_cannot_be_in_the_future() =>
        Decide(new RecordReview(Today.AddDays(1), Rag.Green, "Good progress.")).ShouldBeRefused("meetingOn");

    [Fact]
    public void A_review_needs_the_meeting_date() =>
        Decide(new RecordReview(null, Rag.Green, "Good progress.")).ShouldBeRefused("meetingOn");

    [Fact]
    public void The_next_review_must_come_after_the_meeting() =>
        Decide(new RecordReview(Today, Rag.Green, "Good progress.", Today)).ShouldBeRefused("nextReviewOn");

    [Fact]
    public void A_review_needs_a_RAG_rating() =>
        Decide(new RecordReview(Today, null, "Good progress.")).ShouldBeRefused("rag");

    [Fact]
    public void A_review_needs_a_decision() =>
        Decide(new RecordReview(Today, Rag.Red, "")).ShouldBeRefused("decision");
}
