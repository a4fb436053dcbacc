using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class PhotosTests
{
    private static readonly Guid ActionId = Id(1), CriterionId = Id(2), PhotoId = Id(50);

    private static Problem Worked(params IProblemEvent[] then) => Given([Planned(ActionId), CriterionAdded(CriterionId), .. then]);

    private static PhotoAdded ActionPhoto(int n, BeforeOrAfter when = BeforeOrAfter.Before) =>
        new(ProblemId, Id(100 + n), ActionId, null, when, LightingOfficer, Now);

    [Fact]
    public void A_before_photo_is_added_to_an_open_action() =>
        ProblemDecisions.Decide(Worked(), new AddActionPhoto(ActionId, PhotoId, BeforeOrAfter.Before), LightingOfficer, Now)
            .ShouldAccept(new PhotoAdded(ProblemId, PhotoId, ActionId, null, BeforeOrAfter.Before, LightingOfficer, Now));

    [Fact]
    public void An_after_photo_is_added_to_a_done_action() =>
        ProblemDecisions.Decide(Worked(Completed(ActionId)), new AddActionPhoto(ActionId, PhotoId, BeforeOrAfter.After), LightingOfficer, Now)
            .ShouldAccept(new PhotoAdded(ProblemId, PhotoId, ActionId, null, BeforeOrAfter.After, LightingOfficer, Now));

    [Fact]
    public void A_photo_is_added_to_an_exit_criterion_met_or_not() =>
        ProblemDecisions.Decide(Worked(CriterionMet(CriterionId)), new AddExitCriterionPhoto(CriterionId, PhotoId, BeforeOrAfter.After), Coordinator, Now)
            .ShouldAccept(new PhotoAdded(ProblemId, PhotoId, null, CriterionId, BeforeOrAfter.After, Coordinator, Now));

    [Fact]
    public void A_cancelled_action_takes_no_photos() =>
        ProblemDecisions.Decide(Worked(Cancelled(ActionId)), new AddActionPhoto(ActionId, PhotoId, BeforeOrAfter.After), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe($"The action “Action {ActionId.ToString()[^4..]}” is cancelled; add photos to actions that are open or done.");

    [Fact]
    public void A_photo_must_say_whether_it_was_taken_before_or_after_the_work() =>
        ProblemDecisions.Decide(Worked(), new AddActionPhoto(ActionId, PhotoId, null), Coordinator, Now)
            .ShouldBeRefused("when").Detail.ShouldBe("Choose whether the photo was taken before or after the work.");

    [Fact]
    public void A_photo_without_its_id_is_refused() =>
        ProblemDecisions.Decide(Worked(), new AddExitCriterionPhoto(CriterionId, Guid.Empty, BeforeOrAfter.Before), Coordinator, Now)
            .ShouldBeRefused("photo").Detail.ShouldBe("Choose a photo to add.");

    [Fact]
    public void A_photo_of_an_action_or_criterion_the_problem_does_not_have_is_not_found()
    {
        ProblemDecisions.Decide(Worked(), new AddActionPhoto(Id(9), PhotoId, BeforeOrAfter.Before), Coordinator, Now).ShouldBeNotFound();
        ProblemDecisions.Decide(Worked(), new AddExitCriterionPhoto(Id(9), PhotoId, BeforeOrAfter.Before), Coordinator, Now).ShouldBeNotFound();
    }

    [Fact]
    public void An_action_has_at_most_twelve_photos()
    {
        var eleven = Worked([.. Enumerable.Range(1, 11).Select(n => ActionPhoto(n))]);
        ProblemDecisions.Decide(eleven, new AddActionPhoto(ActionId, PhotoId, BeforeOrAfter.After), Coordinator, Now).IsRefused.ShouldBeFalse();

        var twelve = Worked([.. Enumerable.Range(1, 12).Select(n => ActionPhoto(n))]);
        ProblemDecisions.Decide(twelve, new AddActionPhoto(ActionId, PhotoId, BeforeOrAfter.After), Coordinator, Now)
            .ShouldBeRefused("photo").Detail!.ShouldContain("has 12 photos already");
    }

    [Fact]
    public void Photos_of_an_action_do_not_count_against_its_exit_criteria()
    {
        var problem = Worked([.. Enumerable.Range(1, 12).Select(n => ActionPhoto(n))]);
        problem.FindAction(ActionId)!.Photos.ShouldBe(12);
        problem.FindExitCriterion(CriterionId)!.Photos.ShouldBe(0);
        ProblemDecisions.Decide(problem, new AddExitCriterionPhoto(CriterionId, PhotoId, BeforeOrAfter.Before), Coordinator, Now).IsRefused.ShouldBeFalse();
    }
}
