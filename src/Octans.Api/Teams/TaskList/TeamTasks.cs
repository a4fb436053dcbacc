using Marten;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.Timeline;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Teams.TaskList;

/// <summary>
/// The actions read model: one row per action across every problem, as the team that does it sees it and as the problem
/// page lists it, kept by <see cref="Project"/> in the transaction of every write.
/// </summary>
public static partial class TeamTasks
{
    public const string Name = "team_tasks";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string Id = "id", ProblemId = "problem_id", Position = "position", TeamId = "team_id", Area = "area", Phase = "phase",
        Description = "description", Assignee = "assignee", DueOn = "due_on", Status = "status", PlannedAt = "planned_at",
        CompletedAt = "completed_at", CompletedBy = "completed_by", Note = "note", CancelledReason = "cancelled_reason";


    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(Id, "uuid").AsPrimaryKey();
        table.AddColumn(ProblemId, "uuid").NotNull();
        table.AddColumn(Position, "integer").NotNull();
        table.AddColumn(TeamId, "uuid").NotNull();
        foreach (var text in new[] { Area, Phase, Description, Status })
            table.AddColumn(text, "text").NotNull();
        foreach (var text in new[] { Assignee, CompletedBy, Note, CancelledReason })
            table.AddColumn(text, "text");
        table.AddColumn(DueOn, "date").NotNull();
        table.AddColumn(PlannedAt, "timestamp with time zone").NotNull();
        table.AddColumn(CompletedAt, "timestamp with time zone");

        // The task lists, the dashboard and the list's overdue counts mostly look at open tasks, a small part of all tasks
        // after a year; the problem page lists every action of its problem in the order they were planned.
        table.Index([TeamId, DueOn], where: $"{Status} = 'Open'");
        table.Index([Area, TeamId, DueOn], where: $"{Status} = 'Open'");
        table.Index([ProblemId, DueOn], where: $"{Status} = 'Open'");
        table.Index([ProblemId, Position]);
    });

    /// <summary>Keeps the action's row up to date, and its problem's row's count of open actions, their teams and due dates.</summary>
    public static void Project(IDocumentOperations operations, IProblemEvent change, int version)
    {
        if (Move(operations, change, version))
            operations.Queue(
                $"""
                 update {ProblemRows.Table} set ({ProblemRows.OpenActions}, {ProblemRows.EarliestOpenDueOn}, {ProblemRows.OpenActionTeams}, {ProblemRows.OpenDueDates}) =
                     (select count(*), min({DueOn}), coalesce(array_agg(distinct {TeamId}), '{"{}"}'), coalesce(array_agg({DueOn}), '{"{}"}')
                      from {Table} where {ProblemId} = ? and {Status} = 'Open')
                 where {ProblemRows.Id} = ?
                 """,
                change.ProblemId, change.ProblemId);
    }

    /// <summary>Moves the action an event is about; false for events about no action.</summary>
    private static bool Move(IDocumentOperations operations, IProblemEvent change, int version)
    {
        switch (change)
        {
            case ActionPlanned e:
                // The area never changes once the problem is reported, and its row was written by then.
                operations.Queue(
                    $"""
                     insert into {Table} ({Id}, {ProblemId}, {Position}, {TeamId}, {Area}, {Phase}, {Description}, {Assignee}, {DueOn}, {Status}, {PlannedAt})
                     select ?, ?, ?, ?, p.{ProblemRows.Area}, ?, ?, ?, ?, 'Open', ? from {ProblemRows.Table} as p where p.{ProblemRows.Id} = ?
                     """,
                    e.ActionId, e.ProblemId, version, e.TeamId, e.Phase, e.Description, e.Assignee, e.DueOn, e.PlannedAt, e.ProblemId);
                break;
            case ActionCompleted e:
                Update(operations, e.ActionId, $"{Status} = 'Done', {CompletedAt} = ?, {CompletedBy} = ?, {Note} = ?", e.CompletedAt, e.By.Name, e.Note);
                break;
            case ActionReopened e:
                Update(operations, e.ActionId,
                    $"{Status} = 'Open', {CompletedAt} = null, {CompletedBy} = null, {Note} = null, {CancelledReason} = null");
                break;
            case ActionCancelled e:
                Update(operations, e.ActionId, $"{Status} = 'Cancelled', {CancelledReason} = ?", e.Reason);
                break;
            case ActionReassigned e:
                TimelineMoves.KeepTeamBefore(operations, e, version);
                Update(operations, e.ActionId, $"{TeamId} = ?, {Assignee} = ?", e.TeamId, e.Assignee);
                break;
            case ActionRescheduled e:
                TimelineMoves.KeepDueDateBefore(operations, e, version);
                Update(operations, e.ActionId, $"{DueOn} = ?", e.DueOn);
                break;
            default:
                return false;
        }
        return true;
    }

    private static void Update(IDocumentOperations operations, Guid actionId, string set, params object?[] values) =>
        operations.Queue($"update {Table} set {set} where {Id} = ?", [.. values, actionId]);
}
