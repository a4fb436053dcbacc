using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

/// <summary>The retention policy's periods, what they refuse, and what anonymising an event removes and keeps.</summary>
public class RetentionTests
{
    private const string Setting = "Octans:Retention:ClosedProblemTextAfter";

    [Theory]
    [InlineData("6 years", 72)]
    [InlineData("1 Year", 12)]
    [InlineData(" 18  months ", 18)]
    [InlineData("1 month", 1)]
    [InlineData("30", 30)]
    [InlineData("100 years", 1200)]
    public void A_period_is_a_whole_number_of_years_or_months(string written, int months)
    {
        RetentionPeriod.Read(Setting, written, "the text of problems", out var refusal).ShouldBe(new RetentionPeriod(months));
        refusal.ShouldBeNull();
    }

    [Theory]
    [InlineData("0 years", "which would remove the text of problems as soon as they are closed")]
    [InlineData("0", "it must be at least 1 month")]
    [InlineData("-1 year", "before they were even closed or dismissed")]
    [InlineData("six years", "write a whole number of years or months")]
    [InlineData("6 weeks", "write a whole number of years or months")]
    [InlineData("6.5 years", "write a whole number of years or months")]
    [InlineData("101 years", "longer than the 100 years Octans takes")]
    [InlineData("99999999999 years", "write a whole number of years or months")]
    public void A_period_that_removes_at_once_or_is_unreadable_is_refused_naming_the_setting(string written, string why)
    {
        RetentionPeriod.Read(Setting, written, "the text of problems", out var refusal).ShouldBeNull();

        refusal.ShouldStartWith($"{Setting} is \"{written}\"");
        refusal.ShouldContain(why);
    }

    [Fact]
    public void The_default_policy_is_six_years_for_closed_problems_text_a_year_for_dismissed_reports_and_two_for_photos()
    {
        var policy = RetentionPolicy.Default;

        (policy.ClosedProblemText.ToString(), policy.DismissedReports.ToString(), policy.ClosedProblemPhotos.ToString()).ShouldBe(("6 years", "1 year", "2 years"));
        policy.CutoffsAt(Now).ShouldBe(new RetentionCutoffs(Now.AddYears(-6), Now.AddYears(-1), Now.AddYears(-2)));
        new RetentionPeriod(18).ToString().ShouldBe("18 months");
    }

    private static readonly string[] FreeText =
        ["Title", "Statement", "Description", "Note", "Reason", "Text", "Evidence", "Decision", "Override", "Assignee", "MediaUrl"];

    [Fact]
    public void Anonymising_replaces_every_piece_of_free_text_and_keeps_everything_else()
    {
        IEnumerable<object> events =
        [
            .. SerializationTests.OneOfEach, .. SerializationTests.OneOfEachInInbox,
            new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, null, Coordinator, Now),
            new MeetingDecisionRecorded(Id(8), ProblemId, "HT-0007", "Dark alley", Phase.Hold, [AgendaReason.DueForReview], Rag.Green, "Hold.", null, Coordinator, Now),
        ];
        foreach (var e in events)
        {
            var anonymised = Anonymised.Of(e);
            anonymised.GetType().ShouldBe(e.GetType());
            foreach (var property in e.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            {
                var (before, after) = (property.GetValue(e), property.GetValue(anonymised));
                var what = $"{e.GetType().Name}.{property.Name}";
                if (FreeText.Contains(property.Name))
                    after.ShouldBe(before is null or "" ? before : RetentionPolicy.Removed, what);
                else if (before is Location place)
                    after.ShouldBe(place with { Description = RetentionPolicy.Removed }, what);
                else
                    after.ShouldBe(before, what);
            }
        }
    }
}
