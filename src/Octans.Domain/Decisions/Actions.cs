namespace Octans.Domain;

/// <summary>The caller gives the action its id. Phase defaults to the problem's current phase.</summary>
public sealed record PlanAction(
    Guid ActionId, string Description, Guid TeamId, DateOnly? DueOn, Phase? Phase = null, string? Assignee = null) : IProblemCommand;

public sealed record CompleteAction(Guid ActionId, string Note) : IActionCommand;

public sealed record ReopenAction(Guid ActionId, string Reason) : IActionCommand;

public sealed record CancelAction(Guid ActionId, string Reason) : IActionCommand;

public sealed record ReassignAction(Guid ActionId, Guid TeamId, string? Assignee = null) : IActionCommand;

public sealed record RescheduleAction(Guid ActionId, DateOnly? DueOn, string Reason) : IActionCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, PlanAction command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;

        var phase = command.Phase ?? state.Phase;
        var input = new Input()
            .Required("description", command.Description, "description", TextLimits.Description)
            .Check(command.TeamId != Guid.Empty, "teamId", "Choose the team that will do the action.")
            .Optional("assignee", command.Assignee, "assignee", TextLimits.Assignee)
            .Check(phase >= state.Phase, "phase",
                $"{state.Reference} is in {state.Phase}; plan actions for {state.Phase} or a later phase.");
        DueOn(input, command.DueOn, now);
        if (!input.IsValid)
            return input.Refusal();

        return Decision.Accept(new ActionPlanned(
            state.Id, command.ActionId, phase, command.Description.Trim(), command.TeamId, command.Assignee.Tidy(),
            command.DueOn!.Value, by, now));
    }

    public static Decision Decide(Problem state, CompleteAction command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindAction(command.ActionId) is not { } action)
            return ActionNotFound(state);
        if (action.Status != ActionStatus.Open)
            return Decision.Refuse($"The action {Quoted(action.Description)} is {StatusWord(action)} already.");

        var input = new Input().Required("note", command.Note, "note", TextLimits.LongText);
        return input.IsValid
            ? Decision.Accept(new ActionCompleted(state.Id, action.Id, command.Note.Trim(), by, now))
            : input.Refusal();
    }

    public static Decision Decide(Problem state, ReopenAction command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindAction(command.ActionId) is not { } action)
            return ActionNotFound(state);
        if (action.Status == ActionStatus.Open)
            return Decision.Refuse($"The action {Quoted(action.Description)} is still open.");

        var input = new Input().Required("reason", command.Reason, "reason", TextLimits.LongText);
        return input.IsValid
            ? Decision.Accept(new ActionReopened(state.Id, action.Id, command.Reason.Trim(), by, now))
            : input.Refusal();
    }

    public static Decision Decide(Problem state, CancelAction command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindAction(command.ActionId) is not { } action)
            return ActionNotFound(state);
        if (action.Status != ActionStatus.Open)
            return Decision.Refuse($"The action {Quoted(action.Description)} is {StatusWord(action)} already.");

        var input = new Input().Required("reason", command.Reason, "reason", TextLimits.LongText);
        return input.IsValid
            ? Decision.Accept(new ActionCancelled(state.Id, action.Id, command.Reason.Trim(), by, now))
            : input.Refusal();
    }

    public static Decision Decide(Problem state, ReassignAction command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindAction(command.ActionId) is not { } action)
            return ActionNotFound(state);
        if (action.Status != ActionStatus.Open)
            return Decision.Refuse(
                $"The action {Quoted(action.Description)} is {StatusWord(action)}; only open actions can be reassigned.");

        var input = new Input()
            .Check(command.TeamId != Guid.Empty, "teamId", "Choose the team that will do the action.")
            .Optional("assignee", command.Assignee, "assignee", TextLimits.Assignee);
        return input.IsValid
            ? Decision.Accept(new ActionReassigned(state.Id, action.Id, command.TeamId, command.Assignee.Tidy(), by, now))
            : input.Refusal();
    }

    public static Decision Decide(Problem state, RescheduleAction command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindAction(command.ActionId) is not { } action)
            return ActionNotFound(state);
        if (action.Status != ActionStatus.Open)
            return Decision.Refuse(
                $"The action {Quoted(action.Description)} is {StatusWord(action)}; only open actions can be rescheduled.");

        var input = new Input().Required("reason", command.Reason, "reason", TextLimits.LongText);
        DueOn(input, command.DueOn, now);
        return input.IsValid
            ? Decision.Accept(new ActionRescheduled(
                state.Id, action.Id, command.DueOn!.Value, command.Reason.Trim(), by, now))
            : input.Refusal();
    }

    private static void DueOn(Input input, DateOnly? dueOn, DateTimeOffset now) => input
        .Given("dueOn", dueOn, "Enter the date the action is due.")
        .Check(dueOn is not { } due || due >= London.Today(now), "dueOn", "The due date cannot be in the past.")
        .Day("dueOn", dueOn, "due date", now);

    private static Decision ActionNotFound(Problem state) =>
        Decision.NotFound($"{state.Reference} has no such action.");

    private static string StatusWord(ProblemAction action) => action.Status switch
    {
        ActionStatus.Done => "done",
        ActionStatus.Cancelled => "cancelled",
        _ => "open",
    };
}
