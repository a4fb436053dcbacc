using Hangfire;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Producing;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Wolverine.Http;

namespace Octans.Api.Reports.Requesting;

public sealed record MonthlyPackRequest(string? Area, string? Month);

public sealed record MonthlyPackRequested(string JobId, string StatusUrl);

/// <summary>Asking for a monthly pack, for the API and the dashboard page alike.</summary>
public static class MonthlyPackRequests
{
    /// <summary>The area asked for, and every mistake in the request by its field.</summary>
    public static async Task<(Area? Area, Dictionary<string, string[]> Errors)> CheckAsync(MonthlyPackRequest request, IQuerySession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var area = await CheckAreaAsync(request.Area, session, errors, cancellation);

        if (string.IsNullOrWhiteSpace(request.Month))
            errors["month"] = ["Enter the month of the pack as year and month, e.g. 2026-10."];
        else if (!PackMonth.TryParse(request.Month, out var month))
            errors["month"] = [$"'{request.Month.Trim()}' is not a month; write it as year and month, e.g. 2026-10."];
        else if (!PickedDays.IsWithin(new DateOnly(month.Year, month.Month, 1), London.Today(clock.GetUtcNow())))
            errors["month"] = [PickedDays.Refusal("month", London.Today(clock.GetUtcNow()))];
        else if (!month.HasEndedAt(clock.GetUtcNow()))
            errors["month"] = [$"{month.Name} has not ended yet; its pack can be produced from {month.DayAfter:d MMMM yyyy}."];

        return (area, errors);
    }

    /// <summary>The area of a pack of any kind, by name or code; a mistake is added to <paramref name="errors"/> under "area".</summary>
    public static async Task<Area?> CheckAreaAsync(string? asked, IQuerySession session, Dictionary<string, string[]> errors, CancellationToken cancellation)
    {
        var area = await ReferenceDataLookups.FindAreaAsync(session, asked, cancellation);
        if (string.IsNullOrWhiteSpace(asked))
            errors["area"] = ["Choose the area of the pack, such as High Town."];
        else if (area is null)
            errors["area"] = [$"There is no area called '{asked.Trim()}'. Choose one of the areas Octans knows, such as High Town."];
        return area;
    }

    /// <summary>Queues the pack's job and gives its id.</summary>
    public static string Enqueue(IBackgroundJobClient jobs, string areaName, PackMonth month)
    {
        var monthText = month.ToString();
        return jobs.Enqueue<MonthlyPackJob>(job => job.RenderAsync(areaName, monthText, null, CancellationToken.None));
    }
}

public static class RequestMonthlyPackEndpoint
{
    public static async Task<(Area?, ProblemDetails)> ValidateAsync(MonthlyPackRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (area, errors) = await MonthlyPackRequests.CheckAsync(request, session, clock, cancellation);
        return (area, errors.Count == 0 ? WolverineContinue.NoProblems : Answers.Invalid(errors));
    }

    [Authorize(Policy = Policies.CoordinatorOrAdmin)]
    [WolverinePost("/api/reports/monthly", Name = "RequestMonthlyPack")]
    [ProducesResponseType<MonthlyPackRequested>(202)]
    public static IResult Post(MonthlyPackRequest request, Area area, IBackgroundJobClient jobs)
    {
        var jobId = MonthlyPackRequests.Enqueue(jobs, area.Name, PackMonth.Parse(request.Month!));
        var statusUrl = $"/api/reports/jobs/{jobId}";
        return Results.Accepted(statusUrl, new MonthlyPackRequested(jobId, statusUrl));
    }
}
