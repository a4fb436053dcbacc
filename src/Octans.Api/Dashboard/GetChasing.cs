using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Dashboard;

/// <summary>A team's overdue actions, as the dashboard lists them: the longest overdue, of <see cref="Count"/> in all.</summary>
public sealed record OverdueActionsOfTeam(Guid TeamId, string TeamName, int Count, IReadOnlyList<OverdueAction> Actions);

/// <summary>
/// What needs chasing, and how things moved: each team's overdue actions (the teams with most first, up to
/// <see cref="ChasingView.MostPerTeam"/> actions each, longest overdue first), the reviews overdue (up to
/// <see cref="ChasingView.MostReviews"/> of <see cref="ReviewsOverdueTotal"/>, longest overdue first), the open problems by
/// confidence, and what changed this month so far and in each of the two months before, newest first.
/// </summary>
public sealed record ChasingView(
    IReadOnlyList<OverdueActionsOfTeam> OverdueActionsByTeam, IReadOnlyList<ReviewOverdue> ReviewsOverdue, int ReviewsOverdueTotal,
    ConfidenceCounts Confidence, IReadOnlyList<MonthOfChanges> Changes)
{
    public const int MostPerTeam = 10, MostReviews = 20, Months = 3;

    /// <summary>Reads the lists for the scope, a query each, none visiting more than the open tasks, open problems or recent changes.</summary>
    public static async Task<ChasingView> ReadAsync(DashboardScope scope, IQuerySession session, DateOnly today, CancellationToken cancellation)
    {
        var overdue = await TeamTasks.OverdueByTeamAsync(session, scope.Area, scope.Reader, today, MostPerTeam, cancellation);
        var teams = await ReferenceDataLookups.TeamNamesAsync(session, overdue.Select(t => t.TeamId), cancellation);
        var (reviews, reviewsTotal) = await ProblemRows.ReviewsOverdueAsync(session, scope.Area, scope.Reader, today, MostReviews, cancellation);
        var confidence = await ProblemRows.ConfidenceAsync(session, scope.Area, scope.Reader, cancellation);
        var changes = await ProblemMilestones.ByMonthAsync(session, scope.Area, scope.Reader, today, Months, cancellation);
        return new ChasingView(
            [
                .. overdue.Select(t => new OverdueActionsOfTeam(t.TeamId, teams.GetValueOrDefault(t.TeamId, "Unknown team"), t.Count, t.Actions))
                    .OrderByDescending(t => t.Count).ThenBy(t => t.TeamName, StringComparer.Ordinal),
            ],
            reviews, reviewsTotal, confidence, changes);
    }
}

public static class GetChasingEndpoint
{
    public static Task<(DashboardScope?, ProblemDetails)> ValidateAsync(string? area, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellation) =>
        DashboardScope.CheckAsync(area, WhoMay.ReaderOf(user), session, cancellation);

    /// <summary>
    /// What needs chasing in one area or all of them, among the problems the reader may see: overdue actions by team, reviews
    /// overdue, open problems by confidence, and the changes of this month and the two before. A read of its own beside
    /// the dashboard's counts.
    /// </summary>
    [WolverineGet("/api/dashboard/chasing", Name = "GetChasing")]
    [Tags("Dashboard")]
    [ProducesResponseType<ChasingView>(200)]
    public static Task<ChasingView> Get(DashboardScope scope, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        ChasingView.ReadAsync(scope, session, London.Today(clock.GetUtcNow()), cancellation);
}
