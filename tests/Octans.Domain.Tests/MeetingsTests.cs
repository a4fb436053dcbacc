using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class MeetingsTests
{
    private static readonly Guid MeetingId = Id(700);
    private static readonly DateOnly MeetingDay = Today.AddDays(7);
    private static readonly DateOnly PreviousMeeting = Today.AddDays(-28);
    private static readonly Guid First = Id(701), Second = Id(702), Third = Id(703);

    private static MeetingArranged Arranged(DateOnly? heldOn = null) =>
        new(MeetingId, "High Town", MeetingKind.Pathways, heldOn ?? MeetingDay, Coordinator, Now);

    private static Meeting Given(DateOnly? heldOn = null, params IMeetingEvent[] history) =>
        Meeting.Replay([Arranged(heldOn), .. history]);

    /// <summary>A problem reviewed before the previous meeting, next due well after this one, with nothing new: not on the agenda.</summary>
    private static ProblemOnRecord Quiet(Guid id, string reference) => new(
        id, reference, $"Problem {reference}", Phase.Hold, Rag.Amber, PreviousMeeting.AddDays(-60), PreviousMeeting,
        MeetingDay.AddDays(30), 0, 0, []);

    private static IReadOnlyList<AgendaReason> Why(ProblemOnRecord problem, DateOnly? heldOn = null, DateOnly? previous = null) =>
        [.. Agenda.Reasons(problem, heldOn ?? MeetingDay, previous ?? PreviousMeeting)];

    [Fact]
    public void A_quiet_problem_has_no_reason_to_be_on_the_agenda() =>
        Why(Quiet(First, "HT-0001")).ShouldBeEmpty();

    [Fact]
    public void A_problem_whose_next_review_falls_on_or_before_the_meeting_is_due_for_review()
    {
        Why(Quiet(First, "HT-0001") with { NextReviewOn = MeetingDay }).ShouldBe([AgendaReason.DueForReview]);
        Why(Quiet(First, "HT-0001") with { NextReviewOn = MeetingDay.AddDays(-1) }).ShouldBe([AgendaReason.DueForReview]);
        Why(Quiet(First, "HT-0001") with { NextReviewOn = MeetingDay.AddDays(1) }).ShouldBeEmpty();
    }

    [Fact]
    public void A_problem_that_recurred_since_its_last_review_is_on_the_agenda() =>
        Why(Quiet(First, "HT-0001") with { RecurrencesSinceReview = 1 }).ShouldBe([AgendaReason.RecurredSinceLastReview]);

    [Fact]
    public void A_problem_with_new_reports_waiting_near_it_is_on_the_agenda() =>
        Why(Quiet(First, "HT-0001") with { ReportsNearbySinceReview = 1 }).ShouldBe([AgendaReason.NewReportsNearby]);

    [Fact]
    public void An_action_due_before_the_meeting_day_and_still_open_is_overdue_at_the_meeting()
    {
        Why(Quiet(First, "HT-0001") with { OpenActionsDueOn = [MeetingDay.AddDays(3), MeetingDay.AddDays(-1)] })
            .ShouldBe([AgendaReason.OverdueActions]);
        Why(Quiet(First, "HT-0001") with { OpenActionsDueOn = [MeetingDay] }).ShouldBeEmpty();
    }

    [Fact]
    public void A_problem_never_reviewed_and_reported_since_the_previous_meeting_is_new()
    {
        var unreviewed = Quiet(First, "HT-0001") with { LastReviewOn = null, NextReviewOn = null };
        Why(unreviewed with { ReportedOn = PreviousMeeting }).ShouldBe([AgendaReason.NewProblem]);
        Why(unreviewed with { ReportedOn = PreviousMeeting.AddDays(-1) }).ShouldBeEmpty();
        Why(Quiet(First, "HT-0001") with { ReportedOn = PreviousMeeting.AddDays(1) }).ShouldBeEmpty();
    }

    [Fact]
    public void At_the_area_s_first_meeting_every_problem_never_reviewed_is_new() =>
        Agenda.Reasons(Quiet(First, "HT-0001") with { LastReviewOn = null, ReportedOn = Today.AddYears(-1) }, MeetingDay, null)
            .ShouldBe([AgendaReason.NewProblem]);

    [Fact]
    public void Every_reason_that_holds_is_given_in_order()
    {
        var busy = new ProblemOnRecord(First, "HT-0001", "Lea Road alley", Phase.Hold, null, Today, null, MeetingDay, 2, 3,
            [MeetingDay.AddDays(-2)]);

        Why(busy).ShouldBe([AgendaReason.DueForReview, AgendaReason.RecurredSinceLastReview, AgendaReason.NewReportsNearby,
            AgendaReason.OverdueActions, AgendaReason.NewProblem]);
    }

    [Fact]
    public void The_agenda_holds_the_problems_the_record_puts_there_in_reference_order()
    {
        var record = new[]
        {
            Quiet(Third, "HT-0010") with { RecurrencesSinceReview = 1 },
            Quiet(First, "HT-0002"),
            Quiet(Second, "HT-0009") with { NextReviewOn = MeetingDay },
        };

        var agenda = Agenda.Build(Given(), record, PreviousMeeting);

        agenda.Select(i => (i.ProblemId, i.Reference, i.Title, i.Phase, i.Rag, string.Join(",", i.Why), i.Decision)).ShouldBe([
            (Second, "HT-0009", "Problem HT-0009", Phase.Hold, (Rag?)Rag.Amber, "DueForReview", (MeetingDecisionRecorded?)null),
            (Third, "HT-0010", "Problem HT-0010", Phase.Hold, Rag.Amber, "RecurredSinceLastReview", null),
        ]);
    }

    [Fact]
    public void A_coordinator_adds_a_problem_the_record_does_not_put_there_and_drops_one_it_does()
    {
        var meeting = Given(null,
            new AgendaItemAdded(MeetingId, First, Coordinator, Now),
            new AgendaItemDropped(MeetingId, Second, Coordinator, Now));

        var agenda = Agenda.Build(meeting, [Quiet(First, "HT-0001"), Quiet(Second, "HT-0002") with { NextReviewOn = MeetingDay }], PreviousMeeting);

        agenda.Select(i => (i.ProblemId, i.Why.Single())).ShouldBe([(First, AgendaReason.Added)]);
    }

    [Fact]
    public void A_problem_added_again_after_it_was_dropped_is_back_on_the_agenda()
    {
        var meeting = Given(null,
            new AgendaItemDropped(MeetingId, First, Coordinator, Now),
            new AgendaItemAdded(MeetingId, First, Coordinator, Now));

        Agenda.Build(meeting, [Quiet(First, "HT-0001") with { RecurrencesSinceReview = 1 }], PreviousMeeting)
            .ShouldHaveSingleItem().Why.ShouldBe([AgendaReason.RecurredSinceLastReview, AgendaReason.Added]);
        meeting.Version.ShouldBe(3);
    }

    [Fact]
    public void A_decided_problem_stays_on_the_agenda_as_it_stood_although_its_review_answered_why_it_was_there()
    {
        var decided = Decided(First, "HT-0001");
        var meeting = Given(Today, decided);

        var item = Agenda.Build(meeting, [Quiet(First, "HT-0001") with { Title = "Renamed", Phase = Phase.Clear }], PreviousMeeting)
            .ShouldHaveSingleItem();

        (item.Title, item.Phase, item.Rag).ShouldBe(("Problem HT-0001", Phase.Hold, (Rag?)Rag.Red));
        item.Why.ShouldBe([AgendaReason.DueForReview]);
        item.Decision.ShouldBeSameAs(decided);
    }

    [Fact]
    public void The_minutes_are_the_decisions_in_agenda_order_whatever_order_they_were_made_in()
    {
        var meeting = Given(Today, Decided(Second, "HT-0010"), Decided(First, "HT-0009"));

        meeting.Minutes().Select(d => d.Reference).ShouldBe(["HT-0009", "HT-0010"]);
        meeting.Decisions.Select(d => d.Reference).ShouldBe(["HT-0010", "HT-0009"]);
    }

    [Fact]
    public void References_are_ordered_by_number_not_by_letter()
    {
        AgendaOrder.Instance.Compare("HT-9999", "HT-10000").ShouldBeLessThan(0);
        AgendaOrder.Instance.Compare("HT-0002", "HT-0001").ShouldBeGreaterThan(0);
        AgendaOrder.Instance.Compare("HT-0002", "HT-0002").ShouldBe(0);
    }

    [Fact]
    public void A_meeting_is_arranged_for_today_or_a_day_to_come() =>
        MeetingDecisions.Arrange(new ArrangeMeeting(MeetingId, " High Town ", MeetingKind.Pathways, Today), Coordinator, Now)
            .Events.ShouldBe([new MeetingArranged(MeetingId, "High Town", MeetingKind.Pathways, Today, Coordinator, Now)]);

    [Fact]
    public void A_meeting_in_the_past_with_no_decisions_is_refused()
    {
        var decision = MeetingDecisions.Arrange(new ArrangeMeeting(MeetingId, "High Town", MeetingKind.Tasking, Today.AddDays(-1)), Coordinator, Now);

        decision.Events.ShouldBeEmpty();
        decision.Errors.Keys.ShouldBe(["heldOn"]);
        decision.Detail.ShouldNotBeNull().ShouldContain("has passed");
    }

    [Theory]
    [InlineData("area")]
    [InlineData("kind")]
    [InlineData("heldOn")]
    public void A_meeting_needs_its_area_kind_and_day(string missing)
    {
        var command = new ArrangeMeeting(MeetingId, missing == "area" ? " " : "High Town", missing == "kind" ? null : MeetingKind.Tasking,
            missing == "heldOn" ? null : Today);

        MeetingDecisions.Arrange(command, Coordinator, Now).Errors.Keys.ShouldBe([missing]);
    }

    [Fact]
    public void A_meeting_years_ahead_is_refused_like_any_picked_day() =>
        MeetingDecisions.Arrange(new ArrangeMeeting(MeetingId, "High Town", MeetingKind.Tasking, Today.AddYears(50)), Coordinator, Now)
            .Errors.Keys.ShouldBe(["heldOn"]);

    [Fact]
    public void An_open_problem_of_the_area_not_yet_on_the_agenda_is_added()
    {
        var meeting = Given();
        MeetingDecisions.Decide(meeting, [], new AddAgendaItem(First), Quiet(First, "HT-0001"), Coordinator, Now)
            .Events.ShouldBe([new AgendaItemAdded(MeetingId, First, Coordinator, Now)]);
    }

    [Fact]
    public void A_problem_that_is_not_open_in_the_area_or_already_on_the_agenda_is_not_added()
    {
        var meeting = Given();
        var onAgenda = Agenda.Build(meeting, [Quiet(First, "HT-0001") with { RecurrencesSinceReview = 1 }], PreviousMeeting);

        MeetingDecisions.Decide(meeting, onAgenda, new AddAgendaItem(Second), null, Coordinator, Now).Errors.Keys.ShouldBe(["problemId"]);
        MeetingDecisions.Decide(meeting, onAgenda, new AddAgendaItem(First), Quiet(First, "HT-0001"), Coordinator, Now)
            .Detail.ShouldBe("HT-0001 is on the agenda already.");
    }

    [Fact]
    public void A_problem_on_the_agenda_is_dropped_unless_the_meeting_decided_about_it()
    {
        var meeting = Given(Today, Decided(Second, "HT-0002"));
        var agenda = Agenda.Build(meeting, [Quiet(First, "HT-0001") with { RecurrencesSinceReview = 1 }, Quiet(Second, "HT-0002")], PreviousMeeting);

        MeetingDecisions.Decide(meeting, agenda, new DropAgendaItem(First), Coordinator, Now)
            .Events.ShouldBe([new AgendaItemDropped(MeetingId, First, Coordinator, Now)]);
        MeetingDecisions.Decide(meeting, agenda, new DropAgendaItem(Second), Coordinator, Now).Detail.ShouldNotBeNull().ShouldContain("stays in the minutes");
        MeetingDecisions.Decide(meeting, agenda, new DropAgendaItem(Third), Coordinator, Now).Errors.Keys.ShouldBe(["problemId"]);
    }

    [Fact]
    public void A_decision_on_the_day_keeps_the_item_as_it_stood_and_the_review_the_problem_records()
    {
        var meeting = Given(Today);
        var agenda = Agenda.Build(meeting, [Quiet(First, "HT-0001") with { NextReviewOn = Today }], PreviousMeeting);
        var review = meeting.ReviewOf(Rag.Green, " Keep patrols ", Today.AddMonths(1));

        var decision = MeetingDecisions.Decide(meeting, agenda, new RecordMeetingDecision(First, review), Coordinator, Now);

        review.ShouldBe(new RecordReview(Today, Rag.Green, " Keep patrols ", Today.AddMonths(1)));
        var recorded = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<MeetingDecisionRecorded>();
        recorded.ShouldBe(new MeetingDecisionRecorded(MeetingId, First, "HT-0001", "Problem HT-0001", Phase.Hold, recorded.Why, Rag.Green,
            "Keep patrols", Today.AddMonths(1), Coordinator, Now));
        recorded.Why.ShouldBe([AgendaReason.DueForReview]);
    }

    [Fact]
    public void A_decision_before_the_day_of_the_meeting_is_refused()
    {
        var meeting = Given(Today.AddDays(1));
        var agenda = Agenda.Build(meeting, [Quiet(First, "HT-0001") with { RecurrencesSinceReview = 1 }], PreviousMeeting);

        MeetingDecisions.Decide(meeting, agenda, new RecordMeetingDecision(First, meeting.ReviewOf(Rag.Red, "Back to Clear", null)), Coordinator, Now)
            .Errors.Keys.ShouldBe(["heldOn"]);
    }

    [Fact]
    public void A_decision_on_a_problem_off_the_agenda_already_decided_or_without_a_rating_is_refused()
    {
        var meeting = Given(Today, Decided(Second, "HT-0002"));
        var agenda = Agenda.Build(meeting, [Quiet(First, "HT-0001") with { RecurrencesSinceReview = 1 }], PreviousMeeting);

        Deciding(meeting, agenda, Third, Rag.Red).Errors.Keys.ShouldBe(["problemId"]);
        Deciding(meeting, agenda, Second, Rag.Red).Detail.ShouldNotBeNull().ShouldContain("already");
        Deciding(meeting, agenda, First, null).Errors.Keys.ShouldBe(["rag"]);
        Deciding(meeting, agenda, First, Rag.Red).IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void A_meeting_s_history_starts_with_its_arrangement() =>
        Should.Throw<InvalidCastException>(() => Meeting.Replay([new AgendaItemAdded(MeetingId, First, Coordinator, Now)]));

    private static MeetingDecision Deciding(Meeting meeting, IReadOnlyList<AgendaItem> agenda, Guid problem, Rag? rag) =>
        MeetingDecisions.Decide(meeting, agenda, new RecordMeetingDecision(problem, meeting.ReviewOf(rag, "Decided", null)), Coordinator, Now);

    private static MeetingDecisionRecorded Decided(Guid problem, string reference) =>
        new(MeetingId, problem, reference, $"Problem {reference}", Phase.Hold, [AgendaReason.DueForReview], Rag.Red, "Back to Clear", null,
            Coordinator, Now);
}
