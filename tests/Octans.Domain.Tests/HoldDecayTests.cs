using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class HoldDecayTests
{
    private static DateTimeOffset Day(int n) => ReportedAt.AddDays(n);

    private static DateOnly DayOf(int n) => London.Today(Day(n));

    private static RecurrenceLogged Recurred(int day) =>
        new(ProblemId, DayOf(day), "Fly-tipping back at the gate.", "FixMyStreet", Coordinator, Day(day));

    private static PhaseAdvanced Moved(Phase from, Phase to, int day) => new(ProblemId, from, to, null, Coordinator, Day(day));

    private static ReviewRecorded Reviewed(int day) =>
        new(ProblemId, DayOf(day), Rag.Amber, "Keep in Hold.", DayOf(day + 28), Coordinator, Day(day));

    private static HoldDecay? Of(params IProblemEvent[] history) => HoldDecay.Of([Reported, .. history]);

    [Fact]
    public void Recurrences_in_Clear_are_expected_and_never_decay()
    {
        Of(Recurred(1), Recurred(2)).ShouldBeNull();
    }

    [Fact]
    public void Recurrences_after_the_move_to_Hold_count_from_the_day_it_moved()
    {
        Of(Recurred(1), Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), Recurred(6))
            .ShouldBe(new HoldDecay(2, DayOf(3), HoldDecay.Start.MovedToHold));
    }

    [Fact]
    public void A_problem_in_Hold_without_recurrences_is_not_slipping_back()
    {
        Of(Moved(Phase.Clear, Phase.Hold, 3)).ShouldBeNull();
    }

    [Fact]
    public void A_review_answers_the_reports_before_it_and_later_ones_count_from_its_meeting_day()
    {
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), Reviewed(8)).ShouldBeNull();
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), Reviewed(8), Recurred(9))
            .ShouldBe(new HoldDecay(1, DayOf(8), HoldDecay.Start.Review));
    }

    [Fact]
    public void Moving_on_to_Build_keeps_counting_and_reports_in_Build_count_too()
    {
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(4), Moved(Phase.Hold, Phase.Build, 5), Recurred(6))
            .ShouldBe(new HoldDecay(2, DayOf(3), HoldDecay.Start.MovedToHold));
    }

    [Fact]
    public void Going_back_to_Clear_is_the_partnership_s_answer()
    {
        var back = new PhaseReverted(ProblemId, Phase.Hold, Phase.Clear, "Reports again.", Coordinator, Day(7));
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), back).ShouldBeNull();
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), back, Recurred(8)).ShouldBeNull();
    }

    [Fact]
    public void Going_back_from_Build_to_Hold_starts_the_count_again_from_that_day()
    {
        var back = new PhaseReverted(ProblemId, Phase.Build, Phase.Hold, "Gates vandalised.", Coordinator, Day(7));
        Of(Moved(Phase.Clear, Phase.Hold, 3), Moved(Phase.Hold, Phase.Build, 4), Recurred(5), back, Recurred(8))
            .ShouldBe(new HoldDecay(1, DayOf(7), HoldDecay.Start.MovedToHold));
    }

    [Fact]
    public void A_closed_problem_does_not_decay_and_a_reopened_one_counts_from_its_reopening()
    {
        var reopened = new ProblemReopened(ProblemId, "Dumping is back.", Coordinator, Day(10));
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), Closed).ShouldBeNull();
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), Closed, reopened).ShouldBeNull();
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), Closed, reopened, Recurred(11), Recurred(12))
            .ShouldBe(new HoldDecay(2, DayOf(10), HoldDecay.Start.Reopened));
    }

    [Fact]
    public void Other_events_change_nothing()
    {
        var note = new NoteAdded(ProblemId, "Checked on patrol.", Coordinator, Day(6));
        Of(Moved(Phase.Clear, Phase.Hold, 3), Recurred(5), note, Planned(Id(1), Phase.Hold))
            .ShouldBe(new HoldDecay(1, DayOf(3), HoldDecay.Start.MovedToHold));
    }

    [Theory]
    [InlineData(1, HoldDecay.Start.Review, "1 new report since the review on 13 October 2026")]
    [InlineData(3, HoldDecay.Start.Review, "3 new reports since the review on 13 October 2026")]
    [InlineData(2, HoldDecay.Start.MovedToHold, "2 new reports since it moved to Hold on 13 October 2026")]
    [InlineData(2, HoldDecay.Start.Reopened, "2 new reports since it was reopened on 13 October 2026")]
    public void It_is_described_in_the_partnership_s_words(int reports, HoldDecay.Start start, string expected)
    {
        new HoldDecay(reports, new DateOnly(2026, 10, 13), start).Describe().ShouldBe(expected);
    }

    [Theory]
    [InlineData(Phase.Clear, false)]
    [InlineData(Phase.Hold, true)]
    [InlineData(Phase.Build, true)]
    public void Only_Hold_and_Build_are_watched(Phase phase, bool watched)
    {
        HoldDecay.Watched(phase).ShouldBe(watched);
    }
}
