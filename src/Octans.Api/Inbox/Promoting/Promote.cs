using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.Reporting;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Inbox.Promoting;

public sealed record PromoteReportRequest(string? Title, string? Category, string? Risk);

/// <summary>Making a report a new problem in its area, with its description as the statement and its place, for the API and the pages alike.</summary>
public static class ReportPromoting
{
    public static async Task<(ProblemCreated? Created, ProblemDetails? Refusal)> PromoteAsync(IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, Guid reportId, PromoteReportRequest request, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        if (await InboxChanges.ReadAsync(query, reportId, cancellation) is not { } report)
            return (null, Answers.NotFound(InboxChanges.NoSuchReport));
        var location = report.Location;
        var problem = new ReportProblemRequest(request.Title, report.Description, request.Category ?? report.Category, report.Area, request.Risk,
            new LocationRequest(location.Description, location.Latitude, location.Longitude, location.Uprn, location.Usrn, location.Ward));
        return await ProblemReporting.ReportAsync(store, user, clock, problem,
            problemId => InboxChanges.Deciding(reportId, current => InboxDecisions.Decide(current, new PromoteReport(problemId), user.Actor(), clock.GetUtcNow())),
            cancellation);
    }
}

public static class PromoteReportEndpoint
{
    /// <summary>A new problem from the report, answered like <c>POST /api/problems</c>.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/inbox/{id}/promote", Name = "PromoteReport")]
    [Tags("Inbox")]
    [ProducesResponseType<ProblemCreated>(201)]
    public static async Task<IResult> Post(Guid id, PromoteReportRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (created, refusal) = await ReportPromoting.PromoteAsync(store, user, clock, id, request, cancellation);
        return created is null ? refusal!.Result() : Results.Created(created.Url, created);
    }
}
