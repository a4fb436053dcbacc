using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Teams.TaskList;

/// <summary>
/// One task on a team's list. <see cref="Version"/> is the problem's current version, ready to send with
/// complete; <see cref="Overdue"/> means open and due before today in London.
/// </summary>
public sealed record TeamTaskView(
    Guid ProblemId, string ProblemReference, string ProblemTitle, string Location, Guid ActionId, string Description, Phase Phase,
    DateOnly DueOn, bool Overdue, int Version, ActionStatus Status, string? Assignee);

/// <summary>The team whose list is asked for, and the status to show (null for all of them).</summary>
public sealed record TaskListRequest(Team Team, ActionStatus? Status);

public static class TeamTaskListEndpoint
{
    public static async Task<(TaskListRequest?, ProblemDetails)> ValidateAsync(Guid teamId, string? status, ClaimsPrincipal user,
        IQuerySession session, CancellationToken cancellation)
    {
        var all = "All".Equals(status?.Trim(), StringComparison.OrdinalIgnoreCase);
        var wanted = string.IsNullOrWhiteSpace(status) ? ActionStatus.Open : Choice.Of<ActionStatus>(status);
        if (wanted is null && !all)
            return (null, new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["status"] = ["Choose the status: Open, Done, Cancelled or All."],
            }) { Status = 400, Title = "Some filters need changing", Detail = "Choose the status: Open, Done, Cancelled or All." });

        // A team member works from their own team's list; the rest of the partnership may look at any team's.
        if (user.Is(Role.TeamMember) && user.TeamOf() != teamId)
            return (null, new ProblemDetails
            {
                Status = 403, Title = "Not allowed", Detail = "You can see your own team's tasks only. Ask a coordinator about another team's work.",
            });

        var team = await session.LoadAsync<Team>(teamId, cancellation);
        if (team is null)
            return (null, new ProblemDetails { Status = 404, Title = "Not found", Detail = "There is no team with that id. GET /api/teams lists the teams." });

        return (new TaskListRequest(team, all ? null : wanted), WolverineContinue.NoProblems);
    }

    /// <summary>The team's tasks across all problems, earliest due first; open ones unless another status is asked for.</summary>
    [WolverineGet("/api/teams/{teamId}/actions", Name = "ListTeamTasks")]
    [Tags("Teams")]
    [ProducesResponseType<IReadOnlyList<TeamTaskView>>(200)]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IReadOnlyList<TeamTaskView>> Get(TaskListRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        // One statement over the columns, each task with its problem's heading, whose title, location and version move
        // with every write. The heading is looked up by the problem's id (OFFSET 0 keeps PostgreSQL from joining by
        // hashing every problem instead). The status is one of ActionStatus's names, so it is written into the SQL, where
        // PostgreSQL can see the index of open tasks serves it. Neither Marten's LINQ nor JSON is used: LINQ compiles a
        // delegate for every value a query captures, and building and parsing JSON per task cost more than the query.
        var status = request.Status is { } wanted ? $"and t.status = '{wanted}'" : "";
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var query = new NpgsqlCommand(
            $"""
             select p.id, p.reference, p.title, p.locationdescription, t.id, t.data ->> 'description', t.data ->> 'phase', t.due_on,
                 p.version, t.status, t.data ->> 'assignee'
             from {TeamTaskStorage.Table} as t
             cross join lateral (
                 select p.id, p.reference, p.title, p.locationdescription, p.version
                 from {ProblemStorage.Table} as p where p.id = t.problem_id offset 0) as p
             where t.team_id = @team {status}
             order by t.due_on, t.id
             """,
            connection);
        query.Parameters.AddWithValue("team", request.Team.Id);

        var today = London.Today(clock.GetUtcNow());
        var tasks = new List<TeamTaskView>();
        await using var reader = await query.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var dueOn = reader.GetFieldValue<DateOnly>(7);
            var taskStatus = Enum.Parse<ActionStatus>(reader.GetString(9));
            tasks.Add(new TeamTaskView(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? "" : reader.GetString(3), reader.GetGuid(4),
                reader.GetString(5), Enum.Parse<Phase>(reader.GetString(6)), dueOn, taskStatus == ActionStatus.Open && dueOn < today,
                reader.GetInt32(8), taskStatus, reader.IsDBNull(10) ? null : reader.GetString(10)));
        }
        return tasks;
    }
}
