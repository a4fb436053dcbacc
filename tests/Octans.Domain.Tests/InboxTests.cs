using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class InboxTests
{
    private static readonly Guid ReportId = Id(900);
    private static readonly Location Pin = new("Alley off Lea Road", 51.8850, -0.4150, null, null, null);

    private static TakeReport Report(string? description = "Mattresses dumped by the garages.", Location? location = null) =>
        new(ReportId, "High Town", "Open311: FixMyStreet", "fms-123", "Fly-tipping", description, location ?? Pin, Now.AddHours(-2),
            "https://www.fixmystreet.com/photo/123.jpeg");

    private static ReportReceived Received { get; } = (ReportReceived)InboxDecisions.Receive(Report(), null, Now).Events[0];

    private static InboxReport Waiting() => InboxReport.From(Received);

    [Fact]
    public void A_report_from_outside_is_received_as_sent()
    {
        var decision = InboxDecisions.Receive(Report(" Mattresses dumped by the garages. "), null, Now);

        decision.Events.ShouldBe([new ReportReceived(ReportId, "High Town", "Open311: FixMyStreet", "fms-123", "Fly-tipping",
            "Mattresses dumped by the garages.", Pin, Now.AddHours(-2), "https://www.fixmystreet.com/photo/123.jpeg", null, Now)]);
    }

    [Fact]
    public void Personal_data_in_a_report_from_outside_is_taken_out_not_refused()
    {
        var decision = InboxDecisions.Receive(
            Report("Call me on 07700 900123 or mail jo@example.com", Pin with { Description = "Outside 12 Lea Road, ring 01582 546000" }),
            null, Now);

        var received = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<ReportReceived>();
        received.Description.ShouldBe("Call me on [phone number removed] or mail [email address removed]");
        received.Location.Description.ShouldBe("Outside 12 Lea Road, ring [phone number removed]");
    }

    [Fact]
    public void A_description_too_long_from_outside_is_cut_rather_than_refused()
    {
        var received = (ReportReceived)InboxDecisions.Receive(Report(Text(5_000)), null, Now).Events[0];

        received.Description.Length.ShouldBe(TextLimits.LongText);
        received.Description.ShouldEndWith("…");
    }

    [Fact]
    public void A_report_taken_by_staff_may_not_carry_personal_data() =>
        InboxDecisions.Take(Report("Caller gave 07700 900123") with { Source = "Phone" }, Coordinator, Now).Errors.Keys.ShouldBe(["description"]);

    [Fact]
    public void A_report_taken_by_staff_says_who_took_it() =>
        InboxDecisions.Take(Report() with { Source = "Patrol", SourceReference = null, MediaUrl = null, ReceivedAt = null }, Coordinator, Now)
            .Events.ShouldBe([Received with { Source = "Patrol", SourceReference = null, MediaUrl = null, ReceivedAt = Now, By = Coordinator }]);

    [Theory]
    [InlineData("area")]
    [InlineData("category")]
    [InlineData("description")]
    [InlineData("location")]
    public void A_report_needs_its_area_category_description_and_place(string missing)
    {
        var report = missing switch
        {
            "area" => Report() with { Area = " " },
            "category" => Report() with { Category = null },
            "description" => Report(" "),
            _ => Report() with { Location = null },
        };

        InboxDecisions.Receive(report, null, Now).Errors.Keys.ShouldBe([missing]);
    }

    [Fact]
    public void A_report_cannot_have_been_received_in_the_future() =>
        InboxDecisions.Receive(Report() with { ReceivedAt = Now.AddDays(1) }, null, Now).Errors.Keys.ShouldBe(["receivedAt"]);

    [Fact]
    public void A_report_received_before_Octans_keeps_anything_is_refused() =>
        InboxDecisions.Receive(Report() with { ReceivedAt = new DateTimeOffset(1999, 12, 31, 12, 0, 0, TimeSpan.Zero) }, null, Now)
            .Errors.Keys.ShouldBe(["receivedAt"]);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/photo/123.jpeg")]
    [InlineData("ftp://example.com/a.jpeg")]
    public void A_photo_must_be_a_web_address(string url) =>
        InboxDecisions.Receive(Report() with { MediaUrl = url }, null, Now).Errors.Keys.ShouldBe(["mediaUrl"]);

    [Fact]
    public void A_place_outside_the_UK_is_refused() =>
        InboxDecisions.Receive(Report(location: Pin with { Latitude = 40.7 }), null, Now).Errors.Keys.ShouldBe(["location.latitude"]);

    [Fact]
    public void A_waiting_report_is_attached_to_a_problem() =>
        InboxDecisions.Decide(Waiting(), new AttachReport(ProblemId), Coordinator, Now)
            .Events.ShouldBe([new ReportAttached(ReportId, ProblemId, Coordinator, Now)]);

    [Fact]
    public void A_waiting_report_is_promoted_to_a_problem() =>
        InboxDecisions.Decide(Waiting(), new PromoteReport(ProblemId), Coordinator, Now)
            .Events.ShouldBe([new ReportPromoted(ReportId, ProblemId, Coordinator, Now)]);

    [Fact]
    public void A_waiting_report_is_dismissed_with_its_reason() =>
        InboxDecisions.Decide(Waiting(), new DismissReport(" Duplicate of a report taken by phone. "), Coordinator, Now)
            .Events.ShouldBe([new ReportDismissed(ReportId, "Duplicate of a report taken by phone.", Coordinator, Now)]);

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("Reporter 07700 900123 rang twice")]
    public void A_dismissal_needs_a_reason_without_personal_data(string? reason) =>
        InboxDecisions.Decide(Waiting(), new DismissReport(reason), Coordinator, Now).Errors.Keys.ShouldBe(["reason"]);

    public static TheoryData<IInboxEvent> Decisions => new()
    {
        new ReportAttached(ReportId, ProblemId, Coordinator, Now),
        new ReportPromoted(ReportId, ProblemId, Coordinator, Now),
        new ReportDismissed(ReportId, "Not ours.", Coordinator, Now),
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void A_report_decided_once_cannot_be_decided_again(IInboxEvent decided)
    {
        var report = InboxReport.Replay([Received, decided]);

        InboxDecisions.Decide(report, new AttachReport(OtherProblemId), Coordinator, Now).IsRefused.ShouldBeTrue();
        InboxDecisions.Decide(report, new PromoteReport(OtherProblemId), Coordinator, Now).IsRefused.ShouldBeTrue();
        InboxDecisions.Decide(report, new DismissReport("Again."), Coordinator, Now).IsRefused.ShouldBeTrue();
        InboxDecisions.Decide(report, new DismissReport("Again."), Coordinator, Now).Events.ShouldBeEmpty();
    }

    [Fact]
    public void A_decided_report_knows_its_state_problem_and_version()
    {
        var report = InboxReport.Replay([Received, new ReportAttached(ReportId, ProblemId, Coordinator, Now)]);

        (report.State, report.ProblemId, report.Version, report.DecidedAt).ShouldBe((InboxState.Attached, (Guid?)ProblemId, 2, (DateTimeOffset?)Now));
        InboxReport.Replay([Received, new ReportDismissed(ReportId, "No.", Coordinator, Now)]).State.ShouldBe(InboxState.Dismissed);
        InboxReport.Replay([Received, new ReportPromoted(ReportId, OtherProblemId, Coordinator, Now)])
            .ShouldSatisfyAllConditions(r => r.State.ShouldBe(InboxState.Promoted), r => r.ProblemId.ShouldBe(OtherProblemId));
    }

    [Fact]
    public void An_attached_report_becomes_a_recurrence_seen_on_its_day_in_London_from_its_source_at_its_place()
    {
        // 23:30 UTC on a summer evening is already the next day in London.
        var report = InboxReport.From(Received with { ReceivedAt = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero) });

        report.AsRecurrence().ShouldBe(new LogRecurrence(new DateOnly(2026, 7, 2), "Mattresses dumped by the garages.", "Open311: FixMyStreet", Pin));
    }

    [Fact]
    public void A_long_report_becomes_a_recurrence_of_a_recurrence_s_length()
    {
        var recurrence = InboxReport.From(Received with { Description = Text(800) }).AsRecurrence();

        recurrence.Description.Length.ShouldBe(TextLimits.Description);
        ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), recurrence, Coordinator, Now).IsRefused.ShouldBeFalse();
    }
}
