using System.Security.Claims;
using Marten;
using Octans.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Dashboard;

public sealed record OverdueForTeam(Guid TeamId, string TeamName, int Count);

/// <summary>
/// The partnership at a glance. <see cref="OverdueByTeam"/> lists the teams with at least one overdue action, most
/// first; an action is overdue when it is open and was due before today in London. <see cref="SlippingBack"/> lists the
/// problems in Hold or Build drawing reports since their last review (Hold decay), the most reports first, up to
/// <see cref="DashboardScope.MostSlippingBack"/> of <see cref="SlippingBackTotal"/>. The breakdown by category, ward and month
/// is a read of its own (<see cref="GetBreakdownEndpoint"/>).
/// </summary>
public sealed record DashboardView(
    ProblemsByPhase ByPhase, IReadOnlyList<OverdueForTeam> OverdueByTeam, int OpenActions, int OverdueActions,
    IReadOnlyList<SlippingBack> SlippingBack, int SlippingBackTotal);

/// <summary>The area the dashboard counts, by name (null for every area), and who reads it: only what they may see is counted.</summary>
public sealed record DashboardScope(string? Area, Reader Reader)
{
    public const int MostSlippingBack = 20;

    /// <summary>An area by its name or code; blank for every area, null with an answer to give when there is no such area.</summary>
    public static async Task<(DashboardScope?, ProblemDetails)> CheckAsync(string? area, Reader reader, IQuerySession session,
        CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(area)) return (new DashboardScope(null, reader), WolverineContinue.NoProblems);
        if (await ReferenceDataLookups.FindAreaAsync(session, area, cancellation) is { } found)
            return (new DashboardScope(found.Name, reader), WolverineContinue.NoProblems);
        return (null, Answers.Invalid("area", $"There is no area called '{area.Trim()}'. Choose one of the areas Octans knows, such as High Town."));
    }

    /// <summary>
    /// Counts of problems by phase and of open and overdue actions, and the problems slipping back. None reads a whole row:
    /// the phases come from an index of status and phase, the tasks from the index of open tasks by team, the problems
    /// slipping back from a partial index. Across every area each visits tens of thousands of entries, so the three run side
    /// by side, each on a session (and connection) of its own.
    /// </summary>
    public async Task<DashboardView> ReadAsync(IQuerySession session, IDocumentStore store, DateOnly today, CancellationToken cancellation)
    {
        await using var forTasks = store.QuerySession();
        await using var forSlipping = store.QuerySession();
        var phasesCounted = ProblemRows.CountByPhaseAsync(session, Area, Reader, cancellation);
        var tasksCounted = TeamTasks.OpenByTeamAsync(forTasks, Area, Reader, today, cancellation);
        var slippingRead = ProblemRows.SlippingBackAsync(forSlipping, Area, Reader, MostSlippingBack, cancellation);
        await Task.WhenAll(phasesCounted, tasksCounted, slippingRead);
        var (phases, tasks, slipping) = (await phasesCounted, await tasksCounted, await slippingRead);

        var overdue = tasks.Where(t => t.Overdue > 0).ToList();
        var teams = await ReferenceDataLookups.TeamNamesAsync(session, overdue.Select(c => c.TeamId), cancellation);
        return new DashboardView(
            phases,
            overdue
                .Select(c => new OverdueForTeam(c.TeamId, teams.GetValueOrDefault(c.TeamId, "Unknown team"), c.Overdue))
                .OrderByDescending(t => t.Count).ThenBy(t => t.TeamName, StringComparer.Ordinal)
                .ToList(),
            tasks.Sum(t => t.Open),
            overdue.Sum(t => t.Overdue),
            slipping.Most,
            slipping.Total);
    }
}

public static class GetDashboardEndpoint
{
    public static Task<(DashboardScope?, ProblemDetails)> ValidateAsync(string? area, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellation) =>
        DashboardScope.CheckAsync(area, WhoMay.ReaderOf(user), session, cancellation);

    /// <summary>Counts of problems by phase and of open and overdue actions, for one area or all of them.</summary>
    [WolverineGet("/api/dashboard", Name = "GetDashboard")]
    [Tags("Dashboard")]
    [ProducesResponseType<DashboardView>(200)]
    public static Task<DashboardView> Get(DashboardScope scope, IQuerySession session, IDocumentStore store, TimeProvider clock,
        CancellationToken cancellation) =>
        scope.ReadAsync(session, store, London.Today(clock.GetUtcNow()), cancellation);
}
