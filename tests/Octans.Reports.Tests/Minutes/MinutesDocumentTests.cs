using System.Text.RegularExpressions;
using Octans.Domain;
using Octans.Reports.Minutes;
using Octans.Reports.Tests.Layout;

namespace Octans.Reports.Tests.Minutes;

public class MinutesDocumentTests
{
    static readonly Actor Coordinator = new(Guid.Parse("0199a000-0000-7000-8000-0000000000c1"), "Sam Coordinator");
    static readonly DateOnly HeldOn = new(2026, 11, 16);
    static readonly Guid MeetingId = Guid.Parse("0199a000-0000-7000-8000-000000000700");

    /// <summary>A Pathways meeting whose decisions were recorded out of agenda order.</summary>
    static Meeting Decided() => Meeting.Replay([
        new MeetingArranged(MeetingId, "High Town", MeetingKind.Pathways, HeldOn, Coordinator, new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)),
        Decision("HT-0012", "Fly-tipping in the Burr Street alley", Rag.Red, "Back to Clear: weekly enforcement patrols.", null, 18),
        Decision("HT-0003", "Dark stretch of Wenlock Street", Rag.Green, "Columns repaired; hold with night re-inspections.", HeldOn.AddMonths(3), 19),
    ]);

    static MeetingDecisionRecorded Decision(string reference, string title, Rag rag, string decision, DateOnly? next, int hour) =>
        new(MeetingId, Guid.NewGuid(), reference, title, Phase.Hold, [AgendaReason.DueForReview, AgendaReason.NewReportsNearby], rag, decision, next,
            Coordinator, new DateTimeOffset(2026, 11, 16, hour, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_minutes_read_back_hold_each_decision_in_agenda_order_with_its_rating_in_words()
    {
        var model = MinutesModel.From(Decided());
        using var pdf = RenderedPdf.Read(MinutesDocument.Render(model).Pdf);
        var text = Regex.Replace(string.Join(" ", Enumerable.Range(1, pdf.PageCount).SelectMany(pdf.Lines)), @"\s+", " ");

        text.ShouldContain("Minutes: High Town Pathways meeting, 16 November 2026");
        text.ShouldContain("Back to Clear: weekly enforcement patrols.");
        text.ShouldContain("Columns repaired; hold with night re-inspections.");
        text.ShouldContain("Due for review; New reports nearby");
        text.ShouldContain("16 February 2027");
        text.ShouldContain("Red");
        text.ShouldContain("Green");
        text.IndexOf("HT-0003 Dark stretch of Wenlock Street", StringComparison.Ordinal)
            .ShouldBeLessThan(text.IndexOf("HT-0012 Fly-tipping in the Burr Street alley", StringComparison.Ordinal));
        text.IndexOf("HT-0003 Dark stretch of Wenlock Street", StringComparison.Ordinal).ShouldBeGreaterThanOrEqualTo(0);
        pdf.TextOf(pdf.Catalog, "Lang").ShouldBe("en-GB");
    }

    [Fact]
    public void The_same_decisions_give_the_same_bytes_dated_by_the_last_decision()
    {
        var model = MinutesModel.From(Decided());

        model.RecordedUntil.ShouldBe(new DateTimeOffset(2026, 11, 16, 19, 0, 0, TimeSpan.Zero));
        model.Decisions.Select(d => d.Reference).ShouldBe(["HT-0003", "HT-0012"]);
        MinutesDocument.Render(model).Pdf.ShouldBe(MinutesDocument.Render(MinutesModel.From(Decided())).Pdf);
    }

    [Fact]
    public void Minutes_without_decisions_say_so()
    {
        var meeting = Meeting.Replay([new MeetingArranged(MeetingId, "High Town", MeetingKind.Tasking, HeldOn, Coordinator, DateTimeOffset.UnixEpoch)]);
        var model = MinutesModel.From(meeting);
        using var pdf = RenderedPdf.Read(MinutesDocument.Render(model).Pdf);

        model.RecordedUntil.ShouldBe(London.StartOfDay(HeldOn));
        string.Join(" ", pdf.Lines(1)).ShouldContain("No decision has been recorded for this meeting.");
        string.Join(" ", pdf.Lines(1)).ShouldContain("Minutes: High Town tasking meeting, 16 November 2026");
    }
}
