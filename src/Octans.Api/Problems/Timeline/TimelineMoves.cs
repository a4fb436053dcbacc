using Marten;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;

namespace Octans.Api.Problems.Timeline;

/// <summary>
/// What a reassignment or a new due date moved the action from, which its event does not say: the timeline reads
/// "Reassigned ‘…’ from Street Lighting to Clean Streets". Each is taken from the action's row just before the row moves,
/// in the same batch as the write.
/// </summary>
public static class TimelineMoves
{
    public const string Name = "timeline_moves";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string ProblemId = "problem_id", Version = "version", TeamBefore = "team_before", DueBefore = "due_before";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(ProblemId, "uuid").AsPrimaryKey();
        table.AddColumn(Version, "integer").AsPrimaryKey();
        table.AddColumn(TeamBefore, "uuid");
        table.AddColumn(DueBefore, "date");
    });

    public static void KeepTeamBefore(IDocumentOperations operations, ActionReassigned e, int version) =>
        Keep(operations, TeamBefore, TeamTasks.TeamId, e.ProblemId, version, e.ActionId);

    public static void KeepDueDateBefore(IDocumentOperations operations, ActionRescheduled e, int version) =>
        Keep(operations, DueBefore, TeamTasks.DueOn, e.ProblemId, version, e.ActionId);

    private static void Keep(IDocumentOperations operations, string column, string from, Guid problemId, int version, Guid actionId) =>
        operations.Queue(
            $"insert into {Table} ({ProblemId}, {Version}, {column}) select ?, ?, t.{from} from {TeamTasks.Table} as t where t.{TeamTasks.Id} = ?",
            problemId, version, actionId);
}
