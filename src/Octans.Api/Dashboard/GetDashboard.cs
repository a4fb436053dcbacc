using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Problems;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Dashboard;

/// <summary>Open problems in each phase, and how many problems are closed.</summary>
public sealed record ProblemsByPhase(int Clear, int Hold, int Build, int Closed);

public sealed record OverdueForTeam(Guid TeamId, string TeamName, int Count);

/// <summary>
/// The partnership at a glance. <see cref="OverdueByTeam"/> lists the teams with at least one overdue action, most
/// first; an action is overdue when it is open and was due before today in London.
/// </summary>
public sealed record DashboardView(ProblemsByPhase ByPhase, IReadOnlyList<OverdueForTeam> OverdueByTeam, int OpenActions, int OverdueActions);

/// <summary>The area the dashboard counts, by name; null for every area.</summary>
public sealed record DashboardScope(string? Area);

internal sealed record PhaseCount(ProblemStatus Status, Phase Phase, int Count);

internal sealed record OpenTasksOfTeam(Guid TeamId, int Open, int Overdue);

public static class GetDashboardEndpoint
{
    public static async Task<(DashboardScope?, ProblemDetails)> ValidateAsync(string? area, IQuerySession session, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(area)) return (new DashboardScope(null), WolverineContinue.NoProblems);
        if (await ReferenceDataLookups.FindAreaAsync(session, area, cancellation) is { } found)
            return (new DashboardScope(found.Name), WolverineContinue.NoProblems);

        var message = $"There is no area called '{area.Trim()}'. Choose one of the areas Octans knows, such as High Town.";
        return (null, new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["area"] = [message] })
        {
            Status = 400, Title = "Some filters need changing", Detail = message,
        });
    }

    /// <summary>Open problems per phase and closed problems, for one area or all of them; the board shows these too.</summary>
    public static async Task<ProblemsByPhase> CountByPhaseAsync(IQuerySession session, string? area, CancellationToken cancellation)
    {
        const string counts = $"""
            select jsonb_build_object('status', d.status, 'phase', d.phase, 'count', count(*))
            from {ProblemStorage.Table} as d
            """;
        var phases = area is null
            ? await session.AdvancedSql.QueryAsync<PhaseCount>($"{counts} group by d.status, d.phase", cancellation)
            : await session.AdvancedSql.QueryAsync<PhaseCount>($"{counts} where d.area = ? group by d.status, d.phase", cancellation, area);
        int Open(Phase phase) => phases.Where(c => c.Status == ProblemStatus.Open && c.Phase == phase).Sum(c => c.Count);
        return new ProblemsByPhase(Open(Phase.Clear), Open(Phase.Hold), Open(Phase.Build),
            phases.Where(c => c.Status == ProblemStatus.Closed).Sum(c => c.Count));
    }

    /// <summary>Counts of problems by phase and of open and overdue actions, for one area or all of them.</summary>
    [WolverineGet("/api/dashboard", Name = "GetDashboard")]
    [Tags("Dashboard")]
    [ProducesResponseType<DashboardView>(200)]
    public static async Task<DashboardView> Get(DashboardScope scope, IQuerySession session, IDocumentStore store, TimeProvider clock,
        CancellationToken cancellation)
    {
        var today = London.Today(clock.GetUtcNow());

        // Both counts read no problem or task document whole: the phases come from an index of status and phase, the
        // tasks from the index of open tasks by team, in one pass that counts each team's open and overdue tasks
        // together. Across every area each pass visits tens of thousands of index entries, so the two run side by
        // side, the second on a session (and connection) of its own.
        await using var forTasks = store.QuerySession();
        var phasesCounted = CountByPhaseAsync(session, scope.Area, cancellation);
        var tasksCounted = CountOpenTasksAsync(forTasks, scope.Area, today, cancellation);
        await Task.WhenAll(phasesCounted, tasksCounted);
        var (phases, tasks) = (await phasesCounted, await tasksCounted);

        var overdue = tasks.Where(t => t.Overdue > 0).ToList();
        var teams = await ReferenceDataLookups.TeamNamesAsync(session, overdue.Select(c => c.TeamId), cancellation);
        return new DashboardView(
            phases,
            overdue
                .Select(c => new OverdueForTeam(c.TeamId, teams.GetValueOrDefault(c.TeamId, "Unknown team"), c.Overdue))
                .OrderByDescending(t => t.Count).ThenBy(t => t.TeamName, StringComparer.Ordinal)
                .ToList(),
            tasks.Sum(t => t.Open),
            overdue.Sum(t => t.Overdue));
    }

    // LINQ would count open and overdue tasks in two passes over the same index entries; SQL's FILTER counts both in one.
    private static async Task<IReadOnlyList<OpenTasksOfTeam>> CountOpenTasksAsync(IQuerySession session, string? area, DateOnly today,
        CancellationToken cancellation)
    {
        const string counts = $"""
            select jsonb_build_object('teamId', team_id, 'open', count(*), 'overdue', count(*) filter (where due_on < ?))
            from {TeamTaskStorage.Table}
            where status = 'Open'
            """;
        return area is null
            ? await session.AdvancedSql.QueryAsync<OpenTasksOfTeam>($"{counts} group by team_id", cancellation, today)
            : await session.AdvancedSql.QueryAsync<OpenTasksOfTeam>($"{counts} and area = ? group by team_id", cancellation, today, area);
    }
}
