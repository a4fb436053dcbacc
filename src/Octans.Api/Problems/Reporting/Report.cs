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

public static class ReportEndpoint
{
    public static async Task<(Area?, ProblemDetails)> ValidateAsync(ReportProblemRequest request, IQuerySession session, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellation)
    {
        var area = await ReferenceDataLookups.FindAreaAsync(session, request.Area, cancellation);
        var errors = new Dictionary<string, string[]>();
        if (area is null && !string.IsNullOrWhiteSpace(request.Area))
            errors["area"] = [$"There is no area called '{request.Area}'. Choose one of the areas Octans knows, such as High Town."];
        if (await FieldErrors.UnknownCategoryAsync(session, request.Category, cancellation) is { } category)
            errors[category.Field] = [category.Message];

        // The domain checks every other answer; asking it now reports all mistakes in one go.
        var decision = ProblemDecisions.Decide(request.ToCommand(Guid.Empty, "", area?.Name ?? request.Area ?? ""), user.Actor(), clock.GetUtcNow());
        foreach (var (field, messages) in decision.Errors) errors.TryAdd(field, messages);

        if (errors.Count == 0 && !decision.IsRefused) return (area, WolverineContinue.NoProblems);
        return (area, ProblemWrites.Invalid(errors, string.Join(" ", errors.Values.SelectMany(m => m))));
    }

    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/problems", Name = "ReportProblem")]
    public static async Task<(ProblemCreated, IStartStream)> Post(ReportProblemRequest request, Area area, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var reference = await ProblemReferences.NextAsync(session, area.Id, cancellation);
        var id = Guid.CreateVersion7();
        var decision = ProblemDecisions.Decide(request.ToCommand(id, reference, area.Name), user.Actor(), clock.GetUtcNow());
        return (new ProblemCreated(id, reference, decision.Events.Count), MartenOps.StartStream<Problem>(id, [.. decision.Events]));
    }
}
