using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

/// <summary>
/// Every free-text field refuses personal data, so that Octans stays about places, not people, and characters that cannot
/// be stored.
/// </summary>
public class PersonalDataInFieldsTests
{
    private static readonly Guid ActionId = Id(1), CriterionId = Id(2);
    private static readonly Problem WithDoneWork = Given(Planned(ActionId), Completed(ActionId), CriterionAdded(CriterionId));
    private static readonly Problem WithOpenWork = Given(Planned(Id(5)), Planned(ActionId), CriterionAdded(CriterionId));

    private static readonly Dictionary<string, (string Field, Func<string, Decision> Decide)> Fields = new()
    {
        ["title"] = ("title", text => ProblemDecisions.Decide(
            new ReportProblem(ProblemId, "HT-0007", text, "Statement.", "Environmental", "High Town", Risk.Low, Alley), Coordinator, Now)),
        ["statement"] = ("statement", text => ProblemDecisions.Decide(Given(), new ReviseDetails(null, text, null, null, null), Coordinator, Now)),
        ["location description"] = ("location.description", text => ProblemDecisions.Decide(
            Given(), new ReviseDetails(null, null, null, null, Alley with { Description = text }), Coordinator, Now)),
        ["ward"] = ("location.ward", text => ProblemDecisions.Decide(
            Given(), new ReviseDetails(null, null, null, null, Alley with { Ward = text }), Coordinator, Now)),
        ["ward when reporting"] = ("location.ward", text => ProblemDecisions.Decide(
            new ReportProblem(ProblemId, "HT-0007", "Bins", "Statement.", "Environmental", "High Town", Risk.Low, Alley with { Ward = text }),
            Coordinator, Now)),
        ["action description"] = ("description", text => ProblemDecisions.Decide(
            Given(), new PlanAction(Id(9), text, CleanStreets, Today), Coordinator, Now)),
        ["assignee"] = ("assignee", text => ProblemDecisions.Decide(
            WithOpenWork, new ReassignAction(ActionId, CleanStreets, text), Coordinator, Now)),
        ["completion note"] = ("note", text => ProblemDecisions.Decide(WithOpenWork, new CompleteAction(ActionId, text), Coordinator, Now)),
        ["reopening reason"] = ("reason", text => ProblemDecisions.Decide(WithDoneWork, new ReopenAction(ActionId, text), Coordinator, Now)),
        ["cancelling reason"] = ("reason", text => ProblemDecisions.Decide(WithOpenWork, new CancelAction(ActionId, text), Coordinator, Now)),
        ["rescheduling reason"] = ("reason", text => ProblemDecisions.Decide(
            WithOpenWork, new RescheduleAction(ActionId, Today, text), Coordinator, Now)),
        ["note"] = ("text", text => ProblemDecisions.Decide(Given(), new AddNote(text), Coordinator, Now)),
        ["exit criterion"] = ("text", text => ProblemDecisions.Decide(Given(), new AddExitCriterion(Id(9), null, text), Coordinator, Now)),
        ["evidence"] = ("evidence", text => ProblemDecisions.Decide(WithDoneWork, new MeetExitCriterion(CriterionId, text), Coordinator, Now)),
        ["review decision"] = ("decision", text => ProblemDecisions.Decide(Given(), new RecordReview(Today, Rag.Red, text), Coordinator, Now)),
        ["recurrence description"] = ("description", text => ProblemDecisions.Decide(Given(), new LogRecurrence(Today, text), Coordinator, Now)),
        ["recurrence source"] = ("source", text => ProblemDecisions.Decide(Given(), new LogRecurrence(Today, "Bags.", text), Coordinator, Now)),
        ["override"] = ("override", text => ProblemDecisions.Decide(WithOpenWork, new AdvancePhase(text), Coordinator, Now)),
        ["going back a phase"] = ("reason", text => ProblemDecisions.Decide(Given(Advanced(Phase.Clear, Phase.Hold)), new RevertPhase(text), Coordinator, Now)),
        ["closing note"] = ("note", text => ProblemDecisions.Decide(Given(), new CloseProblem(Outcome.Resolved, text), Coordinator, Now)),
        ["reopening reason for the problem"] = ("reason", text => ProblemDecisions.Decide(Given(Closed), new ReopenProblem(text), Coordinator, Now)),
    };

    public static TheoryData<string> FieldNames => new(Fields.Keys);

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Text_about_the_place_is_accepted(string name) =>
        Fields[name].Decide("Bins by 42 High Town Road, seen 2026-11-10 at 23:40").IsRefused.ShouldBeFalse();

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void A_phone_number_is_refused(string name)
    {
        var (field, decide) = Fields[name];

        decide("Resident on 07700 900123 says it is worse").ShouldBeRefused(field)
            .Errors[field].ShouldHaveSingleItem().ShouldStartWith("Octans records places, not people: remove the phone number from the ");
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Personal_data_however_it_is_written_is_refused(string name)
    {
        var (field, decide) = Fields[name];

        decide("Mail jo (at) example (dot) com").ShouldBeRefused(field);
        decide("Ring ０７７００ ９００１２３").ShouldBeRefused(field);
        decide("NI qq.12.34.56.c").ShouldBeRefused(field);
    }

    [Fact]
    public void The_refusal_names_what_to_remove_and_from_where() =>
        ProblemDecisions.Decide(Given(), new AddNote("Ask jo.bloggs@example.com for photos"), Coordinator, Now)
            .ShouldBeRefused("text").Detail
            .ShouldBe("Octans records places, not people: remove the email address from the note.");

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void A_control_character_is_refused_and_tabs_and_line_breaks_are_not(string name)
    {
        var (field, decide) = Fields[name];

        decide("Bins by the gate\u0000 again").ShouldBeRefused(field)
            .Errors[field].ShouldHaveSingleItem().ShouldStartWith("The ");
        decide("Bins by the gate\u001b[31m").ShouldBeRefused(field);
        decide("Bins by the gate\ud800").ShouldBeRefused(field);
        decide("Bins by the gate,\tagain\r\nand the lamp 💡").IsRefused.ShouldBeFalse();
    }

    [Fact]
    public void The_refusal_names_the_character_and_the_field() =>
        ProblemDecisions.Decide(Given(), new AddNote("Lamp out\u0007"), Coordinator, Now).ShouldBeRefused("text").Detail
            .ShouldBe("The note contains a character that cannot be stored (U+0007), such as a control code; remove it.");
}
