using Marten;
using Octans.Api.Setup;
using Octans.Api.Problems.Listing;
using Octans.Domain;

namespace Octans.Api.Teams.TaskList;

/// <summary>An open action past its due date, where it is and how late, with the problem it belongs to.</summary>
public sealed record OverdueAction(
    Guid ProblemId, string Reference, string Title, string Place, Guid ActionId, string Description, DateOnly DueOn, int DaysLate);

/// <summary>A team's overdue actions: the <see cref="Actions"/> longest overdue, of <see cref="Count"/> in all.</summary>
public sealed record TeamOverdue(Guid TeamId, int Count, IReadOnlyList<OverdueAction> Actions);

public static partial class TeamTasks
{
    /// <summary>
    /// Each team's open actions due before <paramref name="today"/> in London on the problems the reader may see, for one area
    /// or all of them: the <paramref name="most"/> longest overdue of each team, earliest due first, and how many the team has
    /// in all, in one pass over the index of open tasks. Teams with none are left out.
    /// </summary>
    public static async Task<IReadOnlyList<TeamOverdue>> OverdueByTeamAsync(IQuerySession session, string? area, Reader reader, DateOnly today,
        int most, CancellationToken cancellation)
    {
        var rows = await session.ReadAsync(
            $"""
             select t.{TeamId}, t.total, p.{ProblemRows.Id}, p.{ProblemRows.Reference}, p.{ProblemRows.Title}, p.{ProblemRows.Place},
                 t.{Id}, t.{Description}, t.{DueOn}
             from (select {TeamId}, {Id}, {ProblemId}, {Description}, {DueOn},
                       row_number() over (partition by {TeamId} order by {DueOn}, {Id}) as n, count(*) over (partition by {TeamId})::int as total
                   from {Table}
                   where {Status} = 'Open' and {DueOn} < ? {(area is null ? "" : $"and {Area} = ?")}
                       {(reader.SeesAll ? "" : $"and not {ProblemId} = any({ProblemRows.HiddenFrom(reader)})")}) as t
             join {ProblemRows.Table} as p on p.{ProblemRows.Id} = t.{ProblemId}
             where t.n <= ?
             order by t.{TeamId}, t.n
             """,
            r =>
            {
                var due = r.GetFieldValue<DateOnly>(8);
                return (Team: r.GetGuid(0), Total: r.GetInt32(1), Action: new OverdueAction(r.GetGuid(2), r.GetString(3), r.GetString(4),
                    r.GetString(5), r.GetGuid(6), r.GetString(7), due, today.DayNumber - due.DayNumber));
            },
            cancellation, [today, .. area is null ? Array.Empty<object>() : [area], most]);
        return [.. rows.GroupBy(r => r.Team).Select(team => new TeamOverdue(team.Key, team.First().Total, [.. team.Select(r => r.Action)]))];
    }
}
