using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class ProblemHistoryTests
{
    private static readonly ReportProblem ReportTheAlley = new(
        ProblemId, Reported.Reference, Reported.Title, Reported.Statement, Reported.Category, Reported.Area, Reported.Risk,
        Reported.Location);

    private static DateTimeOffset Day(int n) => ReportedAt.AddDays(n);

    private static ProblemHistory GivenTheAlleyReported() => ProblemHistory.Report(ReportTheAlley, Coordinator, ReportedAt);

    [Fact]
    public void Given_a_report_Then_the_history_starts_with_the_event_the_decider_gives_and_the_problem_as_reported()
    {
        var history = GivenTheAlleyReported();

        history.Events.ShouldBe([Reported]);
        history.ProblemId.ShouldBe(ProblemId);
        (history.Problem.Id, history.Problem.Reference, history.Problem.Phase, history.Problem.Version)
            .ShouldBe((ProblemId, "HT-0007", Phase.Clear, 1));
    }

    [Fact]
    public void Given_a_refused_report_Then_it_throws_with_the_refusal_s_sentence()
    {
        var refused = Should.Throw<InvalidOperationException>(() =>
            ProblemHistory.Report(ReportTheAlley with { Title = " " }, Coordinator, ReportedAt));

        refused.Message.ShouldBe("HT-0007: ReportProblem on 2026-10-13 was refused: Enter the title.");
    }

    [Fact]
    public void When_steps_follow_Then_each_is_decided_at_its_own_instant_by_its_own_actor_and_the_events_are_kept_in_order()
    {
        var history = GivenTheAlleyReported();
        var clearance = history.NextId();

        history
            .Then(new PlanAction(clearance, "Clear the alley", CleanStreets, Today.AddDays(-20)), Coordinator, Day(1))
            .Then(new CompleteAction(clearance, "Two vans of waste removed."), LightingOfficer, Day(3))
            .Then(new AdvancePhase("Clearance done; the exit criteria are agreed at the next meeting."), Coordinator, Day(4));

        history.Events.ShouldBe([
            Reported,
            new ActionPlanned(ProblemId, clearance, Phase.Clear, "Clear the alley", CleanStreets, null, Today.AddDays(-20),
                Coordinator, Day(1)),
            new ActionCompleted(ProblemId, clearance, "Two vans of waste removed.", LightingOfficer, Day(3)),
            new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, "Clearance done; the exit criteria are agreed at the next meeting.", Coordinator, Day(4)),
        ]);
        (history.Problem.Phase, history.Problem.Version).ShouldBe((Phase.Hold, 4));
        history.Problem.FindAction(clearance)!.Status.ShouldBe(ActionStatus.Done);
    }

    [Fact]
    public void When_a_decision_gives_several_events_Then_all_are_kept_and_each_counts_towards_the_version()
    {
        var history = GivenTheAlleyReported();
        var clearance = history.NextId();
        history.Then(new PlanAction(clearance, "Clear the alley", CleanStreets, Today), Coordinator, Day(1));

        history.Then(new CloseProblem(Outcome.HandedOver, "Handed to the landlord."), Coordinator, Day(2));

        history.Events.Skip(2).ShouldBe([
            new ActionCancelled(ProblemId, clearance, "HT-0007 was closed.", Coordinator, Day(2)),
            new ProblemClosed(ProblemId, Outcome.HandedOver, "Handed to the landlord.", null, Coordinator, Day(2)),
        ]);
        (history.Problem.Status, history.Problem.Version).ShouldBe((ProblemStatus.Closed, 4));
    }

    [Fact]
    public void Given_a_due_date_that_had_not_passed_at_the_step_s_instant_Then_planning_it_is_accepted_though_it_has_passed_since()
    {
        var history = GivenTheAlleyReported();

        history.Then(new PlanAction(history.NextId(), "Clear the alley", CleanStreets, London.Today(Day(1))), Coordinator, Day(1));

        history.Problem.OverdueActions(Today).ShouldBe(1);
    }

    [Fact]
    public void When_a_step_is_refused_Then_it_throws_with_the_refusal_s_sentence_and_records_nothing()
    {
        var history = GivenTheAlleyReported();

        var refused = Should.Throw<InvalidOperationException>(() =>
            history.Then(new PlanAction(history.NextId(), "Clear the alley", CleanStreets, London.Today(Day(1))), Coordinator, Day(2)));

        refused.Message.ShouldBe("HT-0007: PlanAction on 2026-10-15 was refused: The due date cannot be in the past.");
        history.Events.ShouldBe([Reported]);
        history.Problem.Version.ShouldBe(1);
    }

    [Fact]
    public void When_a_step_is_only_tried_Then_a_refusal_is_left_out_and_an_acceptance_is_kept()
    {
        var history = GivenTheAlleyReported();

        history.Try(new RevertPhase("Dumping is back."), Coordinator, Day(1)).ShouldBeFalse();
        history.Try(new AddNote("Met the landlord on site."), Coordinator, Day(2)).ShouldBeTrue();

        history.Events.ShouldBe([Reported, new NoteAdded(ProblemId, "Met the landlord on site.", Coordinator, Day(2))]);
        history.Problem.Version.ShouldBe(2);
    }

    [Fact]
    public void Every_command_on_a_reported_problem_goes_to_its_own_decision()
    {
        var history = GivenTheAlleyReported();
        var lamp = history.NextId();
        var cleared = history.NextId();

        history
            .Then(new ReviseDetails(null, null, null, Risk.Low, null), Coordinator, Day(1))
            .Then(new PlanAction(lamp, "Repair column 12", StreetLighting, Today), Coordinator, Day(1))
            .Then(new ReassignAction(lamp, CleanStreets), Coordinator, Day(1))
            .Then(new RescheduleAction(lamp, Today.AddDays(7), "Parts on order."), Coordinator, Day(1))
            .Then(new CompleteAction(lamp, "Lantern replaced."), LightingOfficer, Day(2))
            .Then(new ReopenAction(lamp, "Out again."), Coordinator, Day(2))
            .Then(new CancelAction(lamp, "Covered by the cable repair."), Coordinator, Day(2))
            .Then(new AddNote("Walked the alley with residents."), Coordinator, Day(2))
            .Then(new AddExitCriterion(cleared, null, "Alley clear for four weeks"), Coordinator, Day(2))
            .Then(new MeetExitCriterion(cleared, "Four clean weekly checks."), Coordinator, Day(3))
            .Then(new RecordReview(London.Today(Day(3)), Rag.Green, "Move to Hold."), Coordinator, Day(3))
            .Then(new AdvancePhase(), Coordinator, Day(3))
            .Then(new LogRecurrence(London.Today(Day(4)), "Bags dumped again."), Coordinator, Day(4))
            .Then(new RevertPhase("Dumping is back."), Coordinator, Day(4))
            .Then(new CloseProblem(Outcome.NoFurtherAction, "Handed to business as usual."), Coordinator, Day(5))
            .Then(new ReopenProblem("Dumping started again."), Coordinator, Day(6));

        history.Events.Select(e => e.GetType()).ShouldBe([
            typeof(ProblemReported), typeof(ProblemDetailsRevised), typeof(ActionPlanned), typeof(ActionReassigned),
            typeof(ActionRescheduled), typeof(ActionCompleted), typeof(ActionReopened), typeof(ActionCancelled),
            typeof(NoteAdded), typeof(ExitCriterionAdded), typeof(ExitCriterionMet), typeof(ReviewRecorded),
            typeof(PhaseAdvanced), typeof(RecurrenceLogged), typeof(PhaseReverted), typeof(ProblemClosed),
            typeof(ProblemReopened),
        ]);
    }


    [Fact]
    public void A_history_does_not_go_back_in_time_but_two_steps_may_share_an_instant()
    {
        var history = GivenTheAlleyReported().Then(new AddNote("Visited."), Coordinator, Day(2));

        Should.Throw<ArgumentException>(() => history.Try(new AddNote("Visited before?"), Coordinator, Day(1)))
            .Message.ShouldStartWith("HT-0007's history runs forward: 2026-10-14 10:00:00Z is before its latest event at 2026-10-15 10:00:00Z.");
        history.Then(new AddNote("Visited again."), Coordinator, Day(2)).Events.Count.ShouldBe(3);
    }

    [Fact]
    public void The_same_problem_gives_the_same_ids_in_the_same_order_and_another_problem_gives_others()
    {
        var first = GivenTheAlleyReported();
        var again = GivenTheAlleyReported();
        var other = ProblemHistory.Report(ReportTheAlley with { ProblemId = OtherProblemId }, Coordinator, ReportedAt);

        var ids = new[] { first.NextId(), first.NextId() };

        ids.ShouldBe([again.NextId(), again.NextId()]);
        ids[0].ShouldNotBe(ids[1]);
        ids.ShouldNotContain(other.NextId());
        ids.ShouldAllBe(id => id.Version == 8 && (id.Variant & 0xC) == 0x8);
    }

    [Fact]
    public void The_ids_of_a_problem_do_not_change_from_one_release_to_the_next()
    {
        var history = GivenTheAlleyReported();

        new[] { history.NextId(), history.NextId() }.ShouldBe(
            [Guid.Parse("4aadb870-2a2f-87e6-bdb7-33a4eeee9e57"), Guid.Parse("22dd092c-f8d0-87b3-8222-e7afc64cd991")]);
    }
}
