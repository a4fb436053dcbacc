using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
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

internal sealed record TeamCount(Guid TeamId, int Count);

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
        var problems = area is null ? session.Query<Problem>() : session.Query<Problem>().Where(p => p.Area == area);
        var phases = await problems
            .GroupBy(p => new { p.Status, p.Phase })
            .Select(g => new PhaseCount(g.Key.Status, g.Key.Phase, g.Count()))
            .ToListAsync(cancellation);
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
        IQueryable<TeamTask> OpenTasks(IQuerySession query) =>
            scope.Area is { } area
                ? query.Query<TeamTask>().Where(t => t.Status == ActionStatus.Open && t.Area == area)
                : query.Query<TeamTask>().Where(t => t.Status == ActionStatus.Open);

        // Each count is a GROUP BY or COUNT over indexed columns: no problem or task document is read whole. Across
        // every area each one scans tens of thousands of index entries, so the three run side by side, each on a
        // session (and connection) of its own.
        await using var forOpen = store.QuerySession();
        await using var forOverdue = store.QuerySession();
        var phasesCounted = CountByPhaseAsync(session, scope.Area, cancellation);
        var openCounted = OpenTasks(forOpen).CountAsync(cancellation);
        var overdueCounted = OpenTasks(forOverdue)
            .Where(t => t.DueOn < today)
            .GroupBy(t => t.TeamId)
            .Select(g => new TeamCount(g.Key, g.Count()))
            .ToListAsync(cancellation);
        await Task.WhenAll(phasesCounted, openCounted, overdueCounted);
        var (phases, openActions, overdue) = (await phasesCounted, await openCounted, await overdueCounted);
        var teams = await ReferenceDataLookups.TeamNamesAsync(session, overdue.Select(c => c.TeamId), cancellation);

        return new DashboardView(
            phases,
            overdue
                .Select(c => new OverdueForTeam(c.TeamId, teams.GetValueOrDefault(c.TeamId, "Unknown team"), c.Count))
                .OrderByDescending(t => t.Count).ThenBy(t => t.TeamName, StringComparer.Ordinal)
                .ToList(),
            openActions,
            overdue.Sum(c => c.Count));
    }
}
