using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Inbox.Taking;

/// <summary>How a member of staff took a report: <c>Phone</c> (the default) or <c>Patrol</c>.</summary>
public enum TakenBy { Phone, Patrol }

public sealed record TakeReportRequest(string? Area, string? Category, string? Description, LocationRequest? Location, string? Source);

public sealed record ReportTaken(Guid Id) : CreationResponse($"/api/inbox/{Id}");

/// <summary>Taking a report by phone or on patrol, for the API and the page alike.</summary>
public static class ReportTaking
{
    public static async Task<(ReportTaken? Taken, ProblemDetails? Refusal)> TakeAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        TakeReportRequest request, CancellationToken cancellation)
    {
        await using var session = store.OpenWriteSession();
        var errors = new Dictionary<string, string[]>();
        var area = await ReferenceDataLookups.FindAreaAsync(session, request.Area, cancellation);
        if (area is null && !string.IsNullOrWhiteSpace(request.Area))
            errors["area"] = [$"There is no area called '{request.Area}'. Choose one of the areas Octans knows, such as High Town."];
        if (!string.IsNullOrWhiteSpace(request.Category) && !await ReferenceDataLookups.CategoryExistsAsync(session, request.Category, cancellation))
            errors["category"] = [$"There is no category called '{request.Category}'. Choose one from GET /api/categories."];
        var how = Choice.Of<TakenBy>(request.Source);
        if (how is null && !string.IsNullOrWhiteSpace(request.Source)) errors["source"] = ["Say how the report was taken: Phone or Patrol."];

        var id = Guid.CreateVersion7();
        var command = new TakeReport(id, area?.Name ?? request.Area, (how ?? TakenBy.Phone).ToString(), null, request.Category, request.Description,
            request.Location?.ToLocation());
        var decision = InboxDecisions.Take(command, user.Actor(), clock.GetUtcNow());
        foreach (var (field, messages) in decision.Errors) errors.TryAdd(field, messages);
        if (errors.Count > 0) return (null, Answers.Invalid(errors));

        session.Events.StartStream<InboxReport>(id, [.. decision.Events]);
        await session.SaveChangesAsync(cancellation);
        return (new ReportTaken(id), null);
    }
}

public static class TakeReportEndpoint
{
    /// <summary>A report taken by a member of staff, by phone or on patrol, into its area's inbox.</summary>
    [Authorize(Policy = Policies.CoordinatorOrTeamMember)]
    [WolverinePost("/api/inbox", Name = "TakeReport")]
    [Tags("Inbox")]
    [ProducesResponseType<ReportTaken>(201)]
    public static async Task<IResult> Post(TakeReportRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (taken, refusal) = await ReportTaking.TakeAsync(store, user, clock, request, cancellation);
        return taken is null ? refusal!.Result() : Results.Created(taken.Url, taken);
    }
}
