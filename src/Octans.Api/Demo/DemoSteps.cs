using System.Text.Json.Serialization;
using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>
/// One step of a demo story, named by its <c>do</c> after the command it puts to the problem. Actions and exit
/// criteria are named within their story, teams by their name and people by their demo account's email.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "do")]
[JsonDerivedType(typeof(ReviseDetailsStep), "reviseDetails")]
[JsonDerivedType(typeof(PlanActionStep), "planAction")]
[JsonDerivedType(typeof(CompleteActionStep), "completeAction")]
[JsonDerivedType(typeof(ReopenActionStep), "reopenAction")]
[JsonDerivedType(typeof(CancelActionStep), "cancelAction")]
[JsonDerivedType(typeof(ReassignActionStep), "reassignAction")]
[JsonDerivedType(typeof(RescheduleActionStep), "rescheduleAction")]
[JsonDerivedType(typeof(AddNoteStep), "addNote")]
[JsonDerivedType(typeof(AddExitCriterionStep), "addExitCriterion")]
[JsonDerivedType(typeof(MeetExitCriterionStep), "meetExitCriterion")]
[JsonDerivedType(typeof(RecordReviewStep), "recordReview")]
[JsonDerivedType(typeof(LogRecurrenceStep), "logRecurrence")]
[JsonDerivedType(typeof(AdvancePhaseStep), "advancePhase")]
[JsonDerivedType(typeof(RevertPhaseStep), "revertPhase")]
[JsonDerivedType(typeof(CloseProblemStep), "closeProblem")]
[JsonDerivedType(typeof(ReopenProblemStep), "reopenProblem")]
[JsonDerivedType(typeof(AddPhotoStep), "addPhoto")]
[JsonDerivedType(typeof(WritePublicUpdateStep), "writePublicUpdate")]
[JsonDerivedType(typeof(MarkSensitiveStep), "markSensitive")]
internal abstract record DemoStep
{
    /// <summary>The day of this step and of the ones after it; without it, the day of the step before.</summary>
    public DemoDay? On { get; init; }

    /// <summary>The email of the demo account that takes the step.</summary>
    public string? By { get; init; }

    public virtual DemoDay? Day => On;

    public abstract IProblemCommand Command(StoryTeller story);

    public virtual Actor DefaultBy(StoryTeller story) => StoryTeller.Coordinator;
}

internal sealed record ReviseDetailsStep(string? Title = null, string? Statement = null, Risk? Risk = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new ReviseDetails(Title, Statement, null, Risk, null);
}

/// <summary>Due <see cref="DueInDays"/> after the step's day, or <see cref="DueInDaysFromToday"/> after the demo is loaded.</summary>
internal sealed record PlanActionStep(
    string Action, string Team, string Description, int? DueInDays = null, int? DueInDaysFromToday = null,
    Phase? Phase = null, string? Assignee = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new PlanAction(
        story.ActionId(Action), Description, story.TeamId(Team), story.DueOn(DueInDays, DueInDaysFromToday), Phase, Assignee);
}

/// <summary>Completed by a member of the action's team where the demo has one, otherwise by the coordinator.</summary>
internal sealed record CompleteActionStep(string Action, string Note) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new CompleteAction(story.ActionId(Action), Note);

    public override Actor DefaultBy(StoryTeller story) => story.MemberOf(Action);
}

internal sealed record ReopenActionStep(string Action, string Reason) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new ReopenAction(story.ActionId(Action), Reason);
}

internal sealed record CancelActionStep(string Action, string Reason) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new CancelAction(story.ActionId(Action), Reason);
}

internal sealed record ReassignActionStep(string Action, string Team, string? Assignee = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new ReassignAction(story.ActionId(Action), story.TeamId(Team), Assignee);
}

internal sealed record RescheduleActionStep(string Action, string Reason, int? DueInDays = null, int? DueInDaysFromToday = null)
    : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) =>
        new RescheduleAction(story.ActionId(Action), story.DueOn(DueInDays, DueInDaysFromToday), Reason);
}

internal sealed record AddNoteStep(string Text) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new AddNote(Text);
}

internal sealed record AddExitCriterionStep(string Criterion, string Text, Phase? Phase = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new AddExitCriterion(story.CriterionId(Criterion), Phase, Text);
}

internal sealed record MeetExitCriterionStep(string Criterion, string Evidence) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new MeetExitCriterion(story.CriterionId(Criterion), Evidence);
}

/// <summary>Recorded on the day of the meeting <see cref="MonthsAgo"/>, with the next review <see cref="NextInMonths"/> meetings on.</summary>
internal sealed record RecordReviewStep(int MonthsAgo, Rag Rag, string Decision, int NextInMonths = 1) : DemoStep
{
    public override DemoDay? Day =>
        On is null ? new DemoDay(MonthsAgo) : throw new InvalidOperationException("A review is recorded on its meeting day; remove its \"on\".");

    public override IProblemCommand Command(StoryTeller story) =>
        new RecordReview(story.Meeting(MonthsAgo), Rag, Decision, story.Meeting(MonthsAgo - NextInMonths));
}

internal sealed record LogRecurrenceStep(string Description, string Source, int SeenDaysEarlier = 0) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new LogRecurrence(story.Day.AddDays(-SeenDaysEarlier), Description, Source);
}

internal sealed record AdvancePhaseStep(string? Override = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new AdvancePhase(Override);
}

internal sealed record RevertPhaseStep(string Reason) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new RevertPhase(Reason);
}

/// <summary>A duplicate names the story it duplicates in <see cref="DuplicateOf"/>, and its note may name that problem as {0}.</summary>
internal sealed record CloseProblemStep(Outcome Outcome, string Note, string? DuplicateOf = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story)
    {
        if (DuplicateOf is null)
            return new CloseProblem(Outcome, Note);
        var (id, reference) = story.OtherProblem(DuplicateOf);
        return new CloseProblem(Outcome, string.Format(Note, reference), id);
    }
}

internal sealed record ReopenProblemStep(string Reason) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new ReopenProblem(Reason);
}

/// <summary>A photo of the place before or after the work, on an action or an exit criterion; <see cref="DemoPhotos"/> draws it.</summary>
internal sealed record AddPhotoStep(BeforeOrAfter When, string? Action = null, string? Criterion = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => (Action, Criterion) switch
    {
        ({ } action, null) => new AddActionPhoto(story.ActionId(action), story.PhotoId($"action/{action}/{When}"), When),
        (null, { } criterion) => new AddExitCriterionPhoto(story.CriterionId(criterion), story.PhotoId($"criterion/{criterion}/{When}"), When),
        _ => throw new InvalidOperationException("A photo is of either an action or an exit criterion."),
    };

    /// <summary>Taken on site by the action's team, where the demo has a member of it.</summary>
    public override Actor DefaultBy(StoryTeller story) => Action is { } action ? story.MemberOf(action) : StoryTeller.Coordinator;
}

internal sealed record WritePublicUpdateStep(string Text) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new WritePublicUpdate(Text);
}

/// <summary>Marks the problem sensitive, seen only by coordinators, administrators and the teams named (by name).</summary>
internal sealed record MarkSensitiveStep(IReadOnlyList<string>? Teams = null) : DemoStep
{
    public override IProblemCommand Command(StoryTeller story) => new ChangeSensitivity(true, [.. (Teams ?? []).Select(story.TeamId)]);
}
