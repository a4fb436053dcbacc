using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

/// <summary>Which changes made since a page was loaded block a page's command: every command against every kind of change.</summary>
public class LaterChangesTests
{
    private static readonly Guid ThisAction = Id(1), OtherAction = Id(2), ThisCriterion = Id(3), OtherCriterion = Id(4);
    private static readonly DateTimeOffset At = Now.AddMinutes(-5);

    private static readonly Dictionary<string, IProblemEvent> Changes = new()
    {
        ["details revised"] = new ProblemDetailsRevised(ProblemId, "Dark alley", null, null, null, null, Coordinator, At),
        ["other action planned"] = new ActionPlanned(ProblemId, OtherAction, Phase.Clear, "Sweep", CleanStreets, null, Today, Coordinator, At),
        ["this action completed"] = new ActionCompleted(ProblemId, ThisAction, "Done.", LightingOfficer, At),
        ["other action completed"] = new ActionCompleted(ProblemId, OtherAction, "Done.", LightingOfficer, At),
        ["this action reopened"] = new ActionReopened(ProblemId, ThisAction, "Again.", Coordinator, At),
        ["this action cancelled"] = new ActionCancelled(ProblemId, ThisAction, "Not needed.", Coordinator, At),
        ["this action reassigned"] = new ActionReassigned(ProblemId, ThisAction, StreetLighting, null, Coordinator, At),
        ["this action rescheduled"] = new ActionRescheduled(ProblemId, ThisAction, Today.AddDays(3), "Late.", Coordinator, At),
        ["other action rescheduled"] = new ActionRescheduled(ProblemId, OtherAction, Today.AddDays(3), "Late.", Coordinator, At),
        ["note"] = new NoteAdded(ProblemId, "Walked the alley.", LightingOfficer, At),
        ["criterion added"] = new ExitCriterionAdded(ProblemId, OtherCriterion, Phase.Clear, "Clean for a month", Coordinator, At),
        ["this criterion met"] = new ExitCriterionMet(ProblemId, ThisCriterion, "Clean.", Coordinator, At),
        ["other criterion met"] = new ExitCriterionMet(ProblemId, OtherCriterion, "Clean.", Coordinator, At),
        ["review"] = new ReviewRecorded(ProblemId, Today, Rag.Amber, "Holding.", null, Coordinator, At),
        ["recurrence"] = new RecurrenceLogged(ProblemId, Today, "Bags again.", null, LightingOfficer, At),
        ["advanced"] = new PhaseAdvanced(ProblemId, Phase.Clear, Phase.Hold, null, Coordinator, At),
        ["reverted"] = new PhaseReverted(ProblemId, Phase.Hold, Phase.Clear, "Back.", Coordinator, At),
        ["closed"] = new ProblemClosed(ProblemId, Outcome.Resolved, "Gated.", null, Coordinator, At),
        ["reopened"] = new ProblemReopened(ProblemId, "Again.", Coordinator, At),
        ["photo on this action"] = new PhotoAdded(ProblemId, Id(9), ThisAction, null, BeforeOrAfter.After, LightingOfficer, At),
        ["photo on other action"] = new PhotoAdded(ProblemId, Id(9), OtherAction, null, BeforeOrAfter.After, LightingOfficer, At),
        ["photo on this criterion"] = new PhotoAdded(ProblemId, Id(9), null, ThisCriterion, BeforeOrAfter.After, Coordinator, At),
        ["photo on other criterion"] = new PhotoAdded(ProblemId, Id(9), null, OtherCriterion, BeforeOrAfter.After, Coordinator, At),
        ["sensitivity"] = new SensitivityChanged(ProblemId, true, Coordinator, At),
        ["public update"] = new PublicUpdateWritten(ProblemId, "Cleared.", Coordinator, At),
    };

    private static readonly string[] ThisActionChanges =
        ["this action completed", "this action reopened", "this action cancelled", "this action reassigned", "this action rescheduled", "photo on this action"];

    private static readonly string[] AnyWork =
        ["other action planned", "this action completed", "other action completed", "this action reopened", "this action cancelled",
         "this action reassigned", "this action rescheduled", "other action rescheduled", "criterion added", "this criterion met",
         "other criterion met", "advanced", "reverted"];

    /// <summary>Each command, and the changes that block it besides closing and reopening, which block every command.</summary>
    public static TheoryData<string, IProblemCommand, string[]> Commands => new()
    {
        { "plan an action", new PlanAction(Id(5), "Sweep", CleanStreets, Today), ["advanced", "reverted", "other action planned"] },
        { "complete this action", new CompleteAction(ThisAction, "Swept."), ThisActionChanges },
        { "reopen this action", new ReopenAction(ThisAction, "Again."), ThisActionChanges },
        { "cancel this action", new CancelAction(ThisAction, "No."), ThisActionChanges },
        { "reassign this action", new ReassignAction(ThisAction, StreetLighting), ThisActionChanges },
        { "reschedule this action", new RescheduleAction(ThisAction, Today, "Late."), ThisActionChanges },
        { "add a photo to this action", new AddActionPhoto(ThisAction, Id(6), BeforeOrAfter.Before), ThisActionChanges },
        { "meet this criterion", new MeetExitCriterion(ThisCriterion, "Clean."), ["this criterion met", "photo on this criterion"] },
        { "add a photo to this criterion", new AddExitCriterionPhoto(ThisCriterion, Id(6), BeforeOrAfter.After), ["this criterion met", "photo on this criterion"] },
        { "add an exit criterion", new AddExitCriterion(Id(7), null, "Clean"), ["advanced", "reverted", "criterion added"] },
        { "advance the phase", new AdvancePhase(), AnyWork },
        { "close the problem", new CloseProblem(Outcome.Resolved, "Gated."), AnyWork },
        { "go back a phase", new RevertPhase("Back."), ["advanced", "reverted"] },
        { "revise the details", new ReviseDetails("Dark alley", null, null, null, null), ["details revised"] },
        { "record a review", new RecordReview(Today, Rag.Green, "Holding."), ["review"] },
        { "log a recurrence", new LogRecurrence(Today, "Bags."), ["recurrence"] },
        { "add a note", new AddNote("Walked."), [] },
        { "write a public update", new WritePublicUpdate("Cleared."), ["public update", "sensitivity"] },
        { "mark sensitive", new ChangeSensitivity(true), ["sensitivity"] },
        { "reopen the problem", new ReopenProblem("Again."), [] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_later_change_blocks_a_command_only_when_it_touches_what_the_command_depends_on(string what, IProblemCommand command, string[] blocking)
    {
        var blocked = Changes.Where(c => LaterChanges.Matters(command, c.Value)).Select(c => c.Key).Order().ToList();
        blocked.ShouldBe([.. blocking.Append("closed").Append("reopened").Order()], what);
    }

    [Fact]
    public void A_command_without_a_rule_is_blocked_by_any_later_change() =>
        Changes.Values.ShouldAllBe(change => LaterChanges.Matters(new Unruled(), change));

    [Fact]
    public void Only_the_changes_that_matter_are_kept_in_order()
    {
        var since = new[] { Changes["note"], Changes["advanced"], Changes["photo on other action"], Changes["other action planned"] };
        LaterChanges.ThatMatter(new PlanAction(Id(5), "Sweep", CleanStreets, Today), since)
            .ShouldBe([Changes["advanced"], Changes["other action planned"]]);
        LaterChanges.ThatMatter(new CompleteAction(ThisAction, "Swept."), since).ShouldBeEmpty();
    }

    [Fact]
    public void What_a_change_did_is_said_in_the_users_words()
    {
        var latest = Given(
            new ActionPlanned(ProblemId, ThisAction, Phase.Clear, "Clear the alley", CleanStreets, null, Today.AddDays(2), Coordinator, ReportedAt),
            CriterionAdded(ThisCriterion));
        LaterChanges.Said(Changes["this action completed"], latest).ShouldBe("completed the action 'Clear the alley'");
        LaterChanges.Said(Changes["other action completed"], latest).ShouldBe("completed an action");
        LaterChanges.Said(Changes["advanced"], latest).ShouldBe("moved HT-0007 from Clear to Hold");
        LaterChanges.Said(Changes["this action rescheduled"], latest).ShouldBe("moved the due date of the action 'Clear the alley' to 15 November 2026");
        LaterChanges.Said(Changes["this criterion met"], latest).ShouldBe("marked the exit criterion 'No fly-tipping reports for four weeks' as met");
        LaterChanges.Said(Changes["photo on this action"], latest).ShouldBe("added a photo to the action 'Clear the alley'");
        LaterChanges.Said(Changes["note"], latest).ShouldBe("added a note");
        LaterChanges.Said(Changes["closed"], latest).ShouldBe("closed HT-0007");
        LaterChanges.Said(Changes["review"], latest).ShouldBe("recorded a review of the meeting on 12 November 2026, confidence Amber");
        LaterChanges.Said(Changes["other action planned"], latest).ShouldBe("planned the action 'Sweep', due 12 November 2026");
    }

    [Fact]
    public void Every_kind_of_change_is_said()
    {
        var latest = Given(
            new ActionPlanned(ProblemId, ThisAction, Phase.Clear, "Clear the alley", CleanStreets, null, Today.AddDays(2), Coordinator, ReportedAt),
            CriterionAdded(ThisCriterion));
        string Said(string change) => LaterChanges.Said(Changes[change], latest);
        Said("details revised").ShouldBe("changed the details");
        Said("this action reopened").ShouldBe("reopened the action 'Clear the alley'");
        Said("this action cancelled").ShouldBe("cancelled the action 'Clear the alley'");
        Said("this action reassigned").ShouldBe("reassigned the action 'Clear the alley'");
        Said("criterion added").ShouldBe("added the Clear exit criterion 'Clean for a month'");
        Said("other criterion met").ShouldBe("marked an exit criterion as met");
        Said("recurrence").ShouldBe("logged a recurrence seen on 12 November 2026");
        Said("reverted").ShouldBe("moved HT-0007 back from Hold to Clear");
        Said("reopened").ShouldBe("reopened HT-0007");
        Said("photo on other action").ShouldBe("added a photo to an action");
        Said("photo on this criterion").ShouldBe("added a photo to the exit criterion 'No fly-tipping reports for four weeks'");
        Said("sensitivity").ShouldBe("marked HT-0007 sensitive");
        Said("public update").ShouldBe("wrote an update for residents");
        LaterChanges.Said(new SensitivityChanged(ProblemId, false, Coordinator, At), latest).ShouldBe("marked HT-0007 no longer sensitive");
        LaterChanges.Said(new PhotoAdded(ProblemId, Id(9), null, null, BeforeOrAfter.After, Coordinator, At), latest).ShouldBe("added a photo to the problem");
        LaterChanges.Said(Reported, latest).ShouldBe("reported HT-0007");
        LaterChanges.Said(new Unknown(ProblemId, Coordinator, At), latest).ShouldBe("changed it");
    }

    private sealed record Unknown(Guid ProblemId, Actor By, DateTimeOffset At) : IProblemEvent;

    private sealed record Unruled : IProblemCommand;
}
