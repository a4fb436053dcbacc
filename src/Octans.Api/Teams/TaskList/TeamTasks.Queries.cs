using Marten;
using Npgsql;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Teams.TaskList;

/// <summary>
/// One task on a team's list. <see cref="Version"/> is the problem's current version, ready to send with complete;
/// <see cref="Overdue"/> means open and due before today in London.
/// </summary>
public sealed record TeamTaskView(
    Guid ProblemId, string ProblemReference, string ProblemTitle, string Location, Guid ActionId, string Description, Phase Phase,
    DateOnly DueOn, bool Overdue, int Version, ActionStatus Status, string? Assignee);

/// <summary>One action as the problem page lists it.</summary>
public sealed record ActionRow(
    Guid Id, Phase Phase, string Description, Guid TeamId, string? Assignee, DateOnly DueOn, ActionStatus Status,
    DateTimeOffset? CompletedAt, string? CompletedBy, string? Note, string? CancelledReason);

/// <summary>An open action and the heading of its problem, as the reminders name it.</summary>
public sealed record OpenActionDue(Guid TeamId, string Area, Guid ProblemId, string Reference, string Title, DateOnly DueOn, bool SeenByTeam);

/// <summary>How many open actions a team has, and how many of them are overdue.</summary>
public sealed record OpenTasksOfTeam(Guid TeamId, int Open, int Overdue);

public static partial class TeamTasks
{
    /// <summary>
    /// A team's tasks on the problems the reader may see, earliest due first, each with its problem's heading, looked up by the problem's
    /// id (OFFSET 0 keeps PostgreSQL from joining by hashing every problem instead). The status is one of ActionStatus's
    /// names, so it is written into the SQL, where PostgreSQL can see that the index of open tasks serves it.
    /// </summary>
    public static Task<List<TeamTaskView>> ForTeamAsync(IQuerySession session, Guid teamId, ActionStatus? status, Reader reader, DateOnly today,
        CancellationToken cancellation) =>
        session.ReadAsync(
            $"""
             select p.{ProblemRows.Id}, p.{ProblemRows.Reference}, p.{ProblemRows.Title}, p.{ProblemRows.Place}, t.{Id}, t.{Description},
                 t.{Phase}, t.{DueOn}, p.{ProblemRows.Version}, t.{Status}, t.{Assignee}
             from {Table} as t
             cross join lateral (
                 select p.{ProblemRows.Id}, p.{ProblemRows.Reference}, p.{ProblemRows.Title}, p.{ProblemRows.Place}, p.{ProblemRows.Version}
                 from {ProblemRows.Table} as p where p.{ProblemRows.Id} = t.{ProblemId} and {ProblemRows.VisibleTo("p", reader)} offset 0) as p
             where t.{TeamId} = ? {(status is { } wanted ? $"and t.{Status} = '{wanted}'" : "")}
             order by t.{DueOn}, t.{Id}
             """,
            r =>
            {
                var (dueOn, taskStatus) = (r.GetFieldValue<DateOnly>(7), Enum.Parse<ActionStatus>(r.GetString(9)));
                return new TeamTaskView(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetGuid(4), r.GetString(5),
                    Enum.Parse<Phase>(r.GetString(6)), dueOn, taskStatus == ActionStatus.Open && dueOn < today, r.GetInt32(8), taskStatus,
                    r.IsDBNull(10) ? null : r.GetString(10));
            },
            cancellation, teamId);

    /// <summary>Every action of a problem, in the order they were planned.</summary>
    public static Statement OfProblem(Guid problemId) => new(
        $"""
         select {Id}, {Phase}, {Description}, {TeamId}, {Assignee}, {DueOn}, {Status}, {CompletedAt}, {CompletedBy}, {Note}, {CancelledReason}
         from {Table} where {ProblemId} = ? order by {Position}
         """, problemId);

    public static ActionRow ReadAction(NpgsqlDataReader r) => new(
        r.GetGuid(0), Enum.Parse<Phase>(r.GetString(1)), r.GetString(2), r.GetGuid(3), Text(r, 4), r.GetFieldValue<DateOnly>(5),
        Enum.Parse<ActionStatus>(r.GetString(6)), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7), Text(r, 8), Text(r, 9), Text(r, 10));

    /// <summary>
    /// Each team's open and overdue tasks on the problems the reader may see, in one pass over the index of open tasks, for one area or all of them (SQL's
    /// FILTER counts both where LINQ would pass twice).
    /// </summary>
    public static Task<List<OpenTasksOfTeam>> OpenByTeamAsync(IQuerySession session, string? area, Reader reader, DateOnly today,
        CancellationToken cancellation) =>
        session.ReadAsync(
            $"""
             select {TeamId}, count(*)::int, (count(*) filter (where {DueOn} < ?))::int from {Table}
             where {Status} = 'Open' {(area is null ? "" : $"and {Area} = ?")}
                 {(reader.SeesAll ? "" : $"and not {ProblemId} = any({ProblemRows.HiddenFrom(reader)})")} group by {TeamId}
             """,
            r => new OpenTasksOfTeam(r.GetGuid(0), r.GetInt32(1), r.GetInt32(2)), cancellation, area is null ? [today] : [today, area]);

    /// <summary>
    /// Every open action due before <paramref name="before"/>, earliest first, over the index of open tasks, each saying
    /// whether its own team may see its problem.
    /// </summary>
    public static Task<List<OpenActionDue>> OpenDueBeforeAsync(IQuerySession session, DateOnly before, CancellationToken cancellation) =>
        session.ReadAsync(
            $"""
             select t.{TeamId}, t.{Area}, p.{ProblemRows.Id}, p.{ProblemRows.Reference}, p.{ProblemRows.Title}, t.{DueOn},
                 {ProblemRows.SeenByTeam("p", $"t.{TeamId}")}
             from {Table} as t join {ProblemRows.Table} as p on p.{ProblemRows.Id} = t.{ProblemId}
             where t.{Status} = 'Open' and t.{DueOn} < ?
             order by t.{DueOn}, p.{ProblemRows.Reference}
             """,
            r => new OpenActionDue(r.GetGuid(0), r.GetString(1), r.GetGuid(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateOnly>(5),
                r.GetBoolean(6)),
            cancellation, before);

    /// <summary>
    /// The teams with open actions on problems in this category that neither the problem nor <paramref name="named"/>
    /// names: those who would lose sight of their own work if the category were sensitive with only those teams.
    /// </summary>
    public static Task<List<Guid>> TeamsLeftOutAsync(IQuerySession session, string category, IReadOnlyCollection<Guid> named,
        CancellationToken cancellation) =>
        session.ReadAsync(
            $"""
             select distinct t.{TeamId} from {Table} as t join {ProblemRows.Table} as p on p.{ProblemRows.Id} = t.{ProblemId}
             where p.{ProblemRows.Category} = ? and t.{Status} = 'Open' and not t.{TeamId} = any(?)
                 and not p.{ProblemRows.SensitiveTeams} @> array[t.{TeamId}]
             order by 1
             """,
            r => r.GetGuid(0), cancellation, category, named.ToArray());

    private static string? Text(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);
}
