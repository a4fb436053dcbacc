using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

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

/// <summary>Reporting a problem, for the API and the report page alike: the report is the one change that starts a problem.</summary>
public static class ProblemReporting
{
    public static Task<(ProblemCreated? Created, ProblemDetails? Refusal)> ReportAsync(IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, ReportProblemRequest request, CancellationToken cancellation, params FieldError?[] mistakes) =>
        ReportAsync(store, user, clock, request, null, cancellation, mistakes);

    /// <summary>A report with a write that must commit with it: <paramref name="alongside"/> is handed the new problem's id.</summary>
    public static async Task<(ProblemCreated? Created, ProblemDetails? Refusal)> ReportAsync(IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, ReportProblemRequest request, Func<Guid, Alongside>? alongside, CancellationToken cancellation,
        params FieldError?[] mistakes)
    {
        if (WhoMay.RefuseRole(user, typeof(ReportProblem)) is { } notAllowed) return (null, notAllowed);

        await using var session = store.OpenWriteSession();
        var (area, errors) = await CheckAsync(session, request, user.Actor(), clock.GetUtcNow(), cancellation);
        foreach (var mistake in mistakes.OfType<FieldError>()) errors[mistake.Field] = [mistake.Message];
        if (errors.Count > 0) return (null, Answers.Invalid(errors));

        var id = Guid.CreateVersion7();
        if (alongside is not null && await alongside(id)(session, cancellation) is { } notAlongside) return (null, notAlongside);
        // The reference is taken in the transaction that starts the stream, so a rollback hands the number back.
        var reference = await ProblemReferences.NextAsync(session, area!.Id, cancellation);
        var events = ProblemDecisions.Decide(request.ToCommand(id, reference, area.Name), user.Actor(), clock.GetUtcNow()).Events;
        session.Events.StartStream<Problem>(id, [.. events]);
        await session.SaveChangesAsync(cancellation);
        return (new ProblemCreated(id, reference, events.Count), null);
    }

    /// <summary>What a report would be refused for, without making it: for the page that checks the answers before reporting.</summary>
    public static async Task<ProblemDetails?> MistakesAsync(IQuerySession session, ClaimsPrincipal user, TimeProvider clock,
        ReportProblemRequest request, CancellationToken cancellation, params FieldError?[] mistakes)
    {
        if (WhoMay.RefuseRole(user, typeof(ReportProblem)) is { } notAllowed) return notAllowed;
        var (_, errors) = await CheckAsync(session, request, user.Actor(), clock.GetUtcNow(), cancellation);
        foreach (var mistake in mistakes.OfType<FieldError>()) errors[mistake.Field] = [mistake.Message];
        return errors.Count > 0 ? Answers.Invalid(errors) : null;
    }

    /// <summary>Every mistake in a report at once: unknown area or category, and whatever the domain refuses.</summary>
    private static async Task<(Area? Area, Dictionary<string, string[]> Errors)> CheckAsync(IQuerySession session, ReportProblemRequest request,
        Actor by, DateTimeOffset now, CancellationToken cancellation)
    {
        var area = await ReferenceDataLookups.FindAreaAsync(session, request.Area, cancellation);
        var errors = new Dictionary<string, string[]>();
        if (area is null && !string.IsNullOrWhiteSpace(request.Area))
            errors["area"] = [$"There is no area called '{request.Area}'. Choose one of the areas Octans knows, such as High Town."];
        if (!string.IsNullOrWhiteSpace(request.Category) && !await ReferenceDataLookups.CategoryExistsAsync(session, request.Category, cancellation))
            errors["category"] = [$"There is no category called '{request.Category}'. Choose one from GET /api/categories."];

        var decision = ProblemDecisions.Decide(request.ToCommand(Guid.Empty, "", area?.Name ?? request.Area ?? ""), by, now);
        foreach (var (field, messages) in decision.Errors) errors.TryAdd(field, messages);
        if (decision.IsRefused && errors.Count == 0) errors[""] = [decision.Detail];
        return (area, errors);
    }
}

public static class ReportEndpoint
{
    [WolverinePost("/api/problems", Name = "ReportProblem")]
    [ProducesResponseType<ProblemCreated>(201)]
    public static async Task<IResult> Post(ReportProblemRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (created, refusal) = await ProblemReporting.ReportAsync(store, user, clock, request, cancellation);
        return created is null ? refusal!.Result() : Results.Created(created.Url, created);
    }
}
