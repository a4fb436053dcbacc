using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

/// <summary>
/// The sentences a refusal puts on each field, word for word: the pages show them beside the box that needs changing,
/// so a field named wrongly or a sentence lost is a page that cannot say what is wrong.
/// </summary>
public class RefusalWordsTests
{
    private static readonly Guid Open = Id(1), Done = Id(2), Criterion = Id(3), Met = Id(4);

    private static Problem State() => Given(Planned(Open), Planned(Done), Completed(Done), CriterionAdded(Criterion));

    private static Problem Held() => Given(Planned(Open), Planned(Done), Completed(Done), CriterionAdded(Criterion),
        CriterionAdded(Met), CriterionMet(Met), Advanced(Phase.Clear, Phase.Hold, "Agreed at the meeting."));

    private static readonly Location Somewhere = new("Behind 40 High Town Road", null, null, null, null, null);

    private static ReportProblem Report(string category = "Alleyway", string area = "High Town", Risk? risk = Risk.High,
        Location? location = null) =>
        new(ProblemId, "HT-0007", "Dark alley", "Lamps out for weeks.", category, area, risk, location ?? Somewhere);

    public static TheoryData<string, Func<Decision>, string, string> Refusals => new()
    {
        { "plan, no description", () => ProblemDecisions.Decide(State(), new PlanAction(Id(9), " ", CleanStreets, Today), Coordinator, Now), "description", "Enter the description." },
        { "plan, no team", () => ProblemDecisions.Decide(State(), new PlanAction(Id(9), "Sweep", Guid.Empty, Today), Coordinator, Now), "teamId", "Choose the team that will do the action." },
        { "plan, long assignee", () => ProblemDecisions.Decide(State(), new PlanAction(Id(9), "Sweep", CleanStreets, Today, null, Text(101)), Coordinator, Now), "assignee", "The assignee must be 100 characters or fewer." },
        { "plan, no due date", () => ProblemDecisions.Decide(State(), new PlanAction(Id(9), "Sweep", CleanStreets, null), Coordinator, Now), "dueOn", "Enter the date the action is due." },
        { "complete, no note", () => ProblemDecisions.Decide(State(), new CompleteAction(Open, ""), Coordinator, Now), "note", "Enter the note." },
        { "reopen action, no reason", () => ProblemDecisions.Decide(State(), new ReopenAction(Done, ""), Coordinator, Now), "reason", "Enter the reason." },
        { "cancel, no reason", () => ProblemDecisions.Decide(State(), new CancelAction(Open, ""), Coordinator, Now), "reason", "Enter the reason." },
        { "reassign, no team", () => ProblemDecisions.Decide(State(), new ReassignAction(Open, Guid.Empty), Coordinator, Now), "teamId", "Choose the team that will do the action." },
        { "reassign, long assignee", () => ProblemDecisions.Decide(State(), new ReassignAction(Open, StreetLighting, Text(101)), Coordinator, Now), "assignee", "The assignee must be 100 characters or fewer." },
        { "reschedule, no reason", () => ProblemDecisions.Decide(State(), new RescheduleAction(Open, Today.AddDays(3), ""), Coordinator, Now), "reason", "Enter the reason." },
        { "close, no outcome", () => ProblemDecisions.Decide(State(), new CloseProblem(null, "Gated."), Coordinator, Now), "outcome", "Choose the outcome." },
        { "close, no note", () => ProblemDecisions.Decide(State(), new CloseProblem(Outcome.Resolved, ""), Coordinator, Now), "note", "Enter the note." },
        { "close as duplicate of nothing", () => ProblemDecisions.Decide(State(), new CloseProblem(Outcome.Duplicate, "Same."), Coordinator, Now), "duplicateOf", "Choose the problem this one duplicates." },
        { "close as duplicate of itself", () => ProblemDecisions.Decide(State(), new CloseProblem(Outcome.Duplicate, "Same.", ProblemId), Coordinator, Now), "duplicateOf", "A problem cannot duplicate itself." },
        { "close with a duplicate but another outcome", () => ProblemDecisions.Decide(State(), new CloseProblem(Outcome.Resolved, "Done.", OtherProblemId), Coordinator, Now), "duplicateOf", "Only a duplicate names the problem it duplicates; choose the outcome Duplicate or remove it." },
        { "reopen problem, no reason", () => ProblemDecisions.Decide(Given(Closed), new ReopenProblem(""), Coordinator, Now), "reason", "Enter the reason." },
        { "criterion, no text", () => ProblemDecisions.Decide(State(), new AddExitCriterion(Id(9), null, ""), Coordinator, Now), "text", "Enter the exit criterion." },
        { "criterion for an earlier phase", () => ProblemDecisions.Decide(Held(), new AddExitCriterion(Id(9), Phase.Clear, "Clean"), Coordinator, Now), "phase", "HT-0007 is in Hold; add exit criteria for Hold or a later phase." },
        { "meet, no evidence", () => ProblemDecisions.Decide(State(), new MeetExitCriterion(Criterion, ""), Coordinator, Now), "evidence", "Enter the evidence." },
        { "advance, long override", () => ProblemDecisions.Decide(State(), new AdvancePhase(Text(4_001)), Coordinator, Now), "override", "The override reason must be 4,000 characters or fewer." },
        { "advance with work open", () => ProblemDecisions.Decide(State(), new AdvancePhase(), Coordinator, Now), "override", "Give a reason to move on with work still open." },
        { "advance without exit criteria", () => ProblemDecisions.Decide(Given(), new AdvancePhase(), Coordinator, Now), "override", "Add an exit criterion for Clear, or give a reason to move on without one." },
        { "revert, no reason", () => ProblemDecisions.Decide(Held(), new RevertPhase(""), Coordinator, Now), "reason", "Enter the reason." },
        { "recurrence, no date", () => ProblemDecisions.Decide(State(), new LogRecurrence(null, "Bags again"), Coordinator, Now), "observedOn", "Enter the date the problem was seen again." },
        { "recurrence seen tomorrow", () => ProblemDecisions.Decide(State(), new LogRecurrence(Today.AddDays(1), "Bags again"), Coordinator, Now), "observedOn", "The date it was seen cannot be in the future." },
        { "recurrence, no description", () => ProblemDecisions.Decide(State(), new LogRecurrence(Today, ""), Coordinator, Now), "description", "Enter the description." },
        { "recurrence, long source", () => ProblemDecisions.Decide(State(), new LogRecurrence(Today, "Bags again", Text(201)), Coordinator, Now), "source", "The source must be 200 characters or fewer." },
        { "review, no meeting", () => ProblemDecisions.Decide(State(), new RecordReview(null, Rag.Red, "Chase."), Coordinator, Now), "meetingOn", "Enter the date of the meeting." },
        { "review of a meeting tomorrow", () => ProblemDecisions.Decide(State(), new RecordReview(Today.AddDays(1), Rag.Red, "Chase."), Coordinator, Now), "meetingOn", "The meeting date cannot be in the future." },
        { "review, no rating", () => ProblemDecisions.Decide(State(), new RecordReview(Today, null, "Chase."), Coordinator, Now), "rag", "Choose the RAG rating: Red, Amber or Green." },
        { "review, no decision", () => ProblemDecisions.Decide(State(), new RecordReview(Today, Rag.Red, ""), Coordinator, Now), "decision", "Enter the decision." },
        { "review, next before the meeting", () => ProblemDecisions.Decide(State(), new RecordReview(Today, Rag.Red, "Chase.", Today), Coordinator, Now), "nextReviewOn", "The next review must be after the meeting." },
        { "plan, due in the year 9999", () => ProblemDecisions.Decide(State(), new PlanAction(Id(9), "Sweep", CleanStreets, new DateOnly(9999, 12, 31)), Coordinator, Now), "dueOn", "The due date must be between 1 January 2000 and 12 November 2031." },
        { "reschedule, due in six years", () => ProblemDecisions.Decide(State(), new RescheduleAction(Open, Today.AddYears(6), "Later."), Coordinator, Now), "dueOn", "The due date must be between 1 January 2000 and 12 November 2031." },
        { "recurrence seen in 1999", () => ProblemDecisions.Decide(State(), new LogRecurrence(new DateOnly(1999, 12, 31), "Bags again"), Coordinator, Now), "observedOn", "The date it was seen must be between 1 January 2000 and 12 November 2031." },
        { "review of a meeting in 1900", () => ProblemDecisions.Decide(State(), new RecordReview(new DateOnly(1900, 1, 1), Rag.Red, "Chase."), Coordinator, Now), "meetingOn", "The meeting date must be between 1 January 2000 and 12 November 2031." },
        { "review, next in the year 3000", () => ProblemDecisions.Decide(State(), new RecordReview(Today, Rag.Red, "Chase.", new DateOnly(3000, 1, 1)), Coordinator, Now), "nextReviewOn", "The next review date must be between 1 January 2000 and 12 November 2031." },
        { "report, no category", () => ProblemDecisions.Decide(Report(category: ""), Coordinator, Now), "category", "Enter the category." },
        { "report, no area", () => ProblemDecisions.Decide(Report(area: " "), Coordinator, Now), "area", "Enter the area." },
        { "report, no risk", () => ProblemDecisions.Decide(Report(risk: null), Coordinator, Now), "risk", "Choose the risk: High, Medium or Low." },
        { "report, no place described", () => ProblemDecisions.Decide(Report(location: Somewhere with { Description = "" }), Coordinator, Now), "location.description", "Enter the location description." },
        { "report, longitude abroad", () => ProblemDecisions.Decide(Report(location: Somewhere with { Latitude = 51.8, Longitude = 12.5 }), Coordinator, Now), "location.longitude", "The longitude must be in the UK, between -8.7 and 1.8." },
        { "report, UPRN of letters", () => ProblemDecisions.Decide(Report(location: Somewhere with { Uprn = "12AB" }), Coordinator, Now), "location.uprn", "The UPRN must be a number of up to 12 digits." },
        { "report, USRN too long", () => ProblemDecisions.Decide(Report(location: Somewhere with { Usrn = "123456789" }), Coordinator, Now), "location.usrn", "The USRN must be a number of up to 8 digits." },
        { "report, long ward", () => ProblemDecisions.Decide(Report(location: Somewhere with { Ward = Text(101) }), Coordinator, Now), "location.ward", "The ward must be 100 characters or fewer." },
        { "revise, blank title", () => ProblemDecisions.Decide(State(), new ReviseDetails("", null, null, null, null), Coordinator, Now), "title", "Enter the title." },
        { "revise, blank statement", () => ProblemDecisions.Decide(State(), new ReviseDetails(null, " ", null, null, null), Coordinator, Now), "statement", "Enter the statement." },
        { "revise, blank category", () => ProblemDecisions.Decide(State(), new ReviseDetails(null, null, "", null, null), Coordinator, Now), "category", "Enter the category." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refusal_names_its_field_in_the_words_of_the_page(string because, Func<Decision> decide, string field, string message)
    {
        var decision = decide();

        decision.ShouldBeRefused(field);
        decision.Errors[field].ShouldBe([message], because);
    }

    [Fact]
    public void A_report_without_a_place_asks_for_it() =>
        ProblemDecisions.Decide(Report() with { Location = null }, Coordinator, Now).Errors["location"].ShouldBe(["Enter the location."]);

    [Fact]
    public void Advancing_names_what_is_left_in_the_singular_or_the_plural()
    {
        ProblemDecisions.Decide(State(), new AdvancePhase(), Coordinator, Now).Detail
            .ShouldBe("Clear still has 1 open action and 1 unmet exit criterion. Finish them, or give a reason to override.");
        ProblemDecisions.Decide(Given(Planned(Open), Planned(Done), CriterionAdded(Criterion), CriterionAdded(Met)), new AdvancePhase(), Coordinator, Now)
            .Detail.ShouldBe("Clear still has 2 open actions and 2 unmet exit criteria. Finish them, or give a reason to override.");
        ProblemDecisions.Decide(Given(CriterionAdded(Criterion)), new AdvancePhase(), Coordinator, Now).Detail
            .ShouldBe("Clear still has 1 unmet exit criterion. Finish it, or give a reason to override.");
    }

    [Fact]
    public void Rescheduling_or_completing_what_is_not_open_says_what_it_is()
    {
        ProblemDecisions.Decide(State(), new RescheduleAction(Done, Today.AddDays(3), "Later."), Coordinator, Now).Detail
            .ShouldBe($"The action “Action {Done.ToString()[^4..]}” is done; only open actions can be rescheduled.");
        ProblemDecisions.Decide(Given(Planned(Open), Cancelled(Open)), new CompleteAction(Open, "Done."), Coordinator, Now).Detail
            .ShouldBe($"The action “Action {Open.ToString()[^4..]}” is cancelled already.");
    }

    [Fact]
    public void An_unknown_action_or_criterion_is_named_as_not_found()
    {
        ProblemDecisions.Decide(State(), new CompleteAction(Id(99), "Done."), Coordinator, Now).Detail.ShouldBe("HT-0007 has no such action.");
        ProblemDecisions.Decide(State(), new MeetExitCriterion(Id(99), "Seen."), Coordinator, Now).Detail.ShouldBe("HT-0007 has no such exit criterion.");
    }

    [Fact]
    public void A_decision_says_what_it_decided()
    {
        Decision.Accept(Closed).ToString().ShouldBe("Accepted: ProblemClosed");
        Decision.Refuse("Not today.").ToString().ShouldBe("Refused: Not today.");
        Decision.Refuse("Not today.", "reason").Errors["reason"].ShouldBe(["Not today."]);
        Should.Throw<ArgumentException>(() => Decision.Accept()).Message.ShouldStartWith("An accepted decision records at least one event; refuse instead.");
    }
}
