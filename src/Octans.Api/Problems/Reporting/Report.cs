using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Reporting;

public sealed record LocationRequest(string? Description, double? Latitude, double? Longitude, string? Uprn, string? Usrn, string? Ward)
{
    public Location ToLocation() => new(Description ?? "", Latitude, Longitude, Uprn, Usrn, Ward);
}

public sealed record ReportProblemRequest(string? Title, string? Statement, string? Category, string? Area, string? Risk, LocationRequest? Location)
{
    public ReportProblem ToCommand(Guid id, string reference, string areaName) =>
        new(id, reference, Title ?? "", Statement ?? "", Category ?? "", areaName, Choice.Of<Risk>(Risk), Location?.ToLocation());
}

public sealed record ProblemCreated(Guid Id, string Reference, int Version) : CreationResponse($"/api/problems/{Id}");

/// <summary>Reporting a problem, shared by the API and the report page.</summary>
public static class ProblemReporting
{
    /// <summary>Every mistake in a report at once: unknown area or category, and whatever the domain refuses.</summary>
    public static async Task<(Area? Area, Dictionary<string, string[]> Errors)> CheckAsync(ReportProblemRequest request, IQuerySession session,
        Actor by, DateTimeOffset now, CancellationToken cancellation)
    {
        var area = await ReferenceDataLookups.FindAreaAsync(session, request.Area, cancellation);
        var errors = new Dictionary<string, string[]>();
        if (area is null && !string.IsNullOrWhiteSpace(request.Area))
            errors["area"] = [$"There is no area called '{request.Area}'. Choose one of the areas Octans knows, such as High Town."];
        if (await FieldErrors.UnknownCategoryAsync(session, request.Category, cancellation) is { } category)
            errors[category.Field] = [category.Message];

        var decision = ProblemDecisions.Decide(request.ToCommand(Guid.Empty, "", area?.Name ?? request.Area ?? ""), by, now);
        foreach (var (field, messages) in decision.Errors) errors.TryAdd(field, messages);
        if (decision.IsRefused && errors.Count == 0) errors[""] = [decision.Detail];
        return (area, errors);
    }

    /// <summary>Takes the area's next reference and decides the report; the caller starts the stream in the same transaction.</summary>
    public static async Task<(Guid Id, string Reference, IReadOnlyList<IProblemEvent> Events)> DecideAsync(ReportProblemRequest request, Area area,
        IDocumentSession session, Actor by, DateTimeOffset now, CancellationToken cancellation)
    {
        var reference = await ProblemReferences.NextAsync(session, area.Id, cancellation);
        var id = Guid.CreateVersion7();
        return (id, reference, ProblemDecisions.Decide(request.ToCommand(id, reference, area.Name), by, now).Events);
    }
}

public static class ReportEndpoint
{
    public static async Task<(Area?, ProblemDetails)> ValidateAsync(ReportProblemRequest request, IQuerySession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellation)
    {
        var (area, errors) = await ProblemReporting.CheckAsync(request, session, user.Actor(), clock.GetUtcNow(), cancellation);
        if (errors.Count == 0) return (area, WolverineContinue.NoProblems);
        return (area, ProblemWrites.Invalid(errors, string.Join(" ", errors.Values.SelectMany(m => m))));
    }

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems", Name = "ReportProblem")]
    public static async Task<(ProblemCreated, IStartStream)> Post(ReportProblemRequest request, Area area, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var (id, reference, events) = await ProblemReporting.DecideAsync(request, area, session, user.Actor(), clock.GetUtcNow(), cancellation);
        return (new ProblemCreated(id, reference, events.Count), MartenOps.StartStream<Problem>(id, [.. events]));
    }
}
