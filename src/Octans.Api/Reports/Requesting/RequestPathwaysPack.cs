using Hangfire;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Producing;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Octans.Reports.PathwaysPacks;
using Wolverine.Http;

namespace Octans.Api.Reports.Requesting;

public sealed record PathwaysPackRequest(string? Area, string? Quarter);

/// <summary>Asking for a quarter's Pathways pack, for the API; meetings ask through <see cref="Scheduling.PathwaysPackSchedule"/>.</summary>
public static class PathwaysPackRequests
{
    public static async Task<(Area? Area, Dictionary<string, string[]> Errors)> CheckAsync(PathwaysPackRequest request, IQuerySession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var area = await MonthlyPackRequests.CheckAreaAsync(request.Area, session, errors, cancellation);
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(request.Quarter))
            errors["quarter"] = ["Enter the quarter of the pack as year and quarter, e.g. 2026-Q4."];
        else if (!PackQuarter.TryParse(request.Quarter, out var quarter))
            errors["quarter"] = [$"'{request.Quarter.Trim()}' is not a quarter; write it as year and quarter, e.g. 2026-Q4."];
        else if (!PickedDays.IsWithin(London.Today(quarter.Start), London.Today(now)))
            errors["quarter"] = [PickedDays.Refusal("quarter", London.Today(now))];
        else if (!quarter.HasEndedAt(now))
            errors["quarter"] = [$"{quarter.Name} has not ended yet; its Pathways pack can be produced from {quarter.DayAfter:d MMMM yyyy}."];
        return (area, errors);
    }

    public static string Enqueue(IBackgroundJobClient jobs, string areaName, PackQuarter quarter)
    {
        var text = quarter.ToString();
        return jobs.Enqueue<PathwaysPackJob>(job => job.RenderAsync(areaName, text, null, CancellationToken.None));
    }
}

public static class RequestPathwaysPackEndpoint
{
    public static async Task<(Area?, ProblemDetails)> ValidateAsync(PathwaysPackRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (area, errors) = await PathwaysPackRequests.CheckAsync(request, session, clock, cancellation);
        return (area, errors.Count == 0 ? WolverineContinue.NoProblems : Answers.Invalid(errors));
    }

    /// <summary>Queues the quarter's Pathways pack; the status URL says when it is kept, as for the monthly pack.</summary>
    [Authorize(Policy = Policies.CoordinatorOrAdmin)]
    [WolverinePost("/api/reports/pathways", Name = "RequestPathwaysPack")]
    [ProducesResponseType<MonthlyPackRequested>(202)]
    public static IResult Post(PathwaysPackRequest request, Area area, IBackgroundJobClient jobs)
    {
        var jobId = PathwaysPackRequests.Enqueue(jobs, area.Name, PackQuarter.Parse(request.Quarter!));
        var statusUrl = $"/api/reports/jobs/{jobId}";
        return Results.Accepted(statusUrl, new MonthlyPackRequested(jobId, statusUrl));
    }
}
