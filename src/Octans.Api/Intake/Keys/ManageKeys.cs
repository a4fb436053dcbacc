using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Intake.Keys;

public sealed record CreateKeyRequest(string? Sender, string? Area);

/// <summary>The key made: <see cref="ApiKey"/> is shown this once and never again.</summary>
public sealed record KeyCreated(Guid Id, string Sender, string Area, string ApiKey) : CreationResponse("/api/intake/keys");

public sealed record KeyView(Guid Id, string Sender, string Area, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

public static class IntakeKeyEndpoints
{
    /// <summary>
    /// A key for a system that sends reports through Open311, into an area's inbox. The area may be left out while Octans
    /// has only one area; with several it must be given.
    /// </summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/intake/keys", Name = "CreateIntakeKey")]
    [Tags("Intake")]
    [ProducesResponseType<KeyCreated>(201)]
    public static async Task<IResult> Create(CreateKeyRequest request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var sender = request.Sender?.Trim();
        if (string.IsNullOrEmpty(sender)) errors["sender"] = ["Enter the name of the system that sends the reports, such as FixMyStreet."];
        else if (sender.Length > TextLimits.Name) errors["sender"] = [$"The sender's name must be {TextLimits.Name} characters or fewer."];
        else if (PlainText.Unstorable(sender) is { } c) errors["sender"] = [PlainText.Refusal("sender's name", c)];
        var areas = await session.Query<Area>().ToListAsync(cancellation);
        var area = string.IsNullOrWhiteSpace(request.Area) && areas.Count == 1
            ? areas[0]
            : await ReferenceDataLookups.FindAreaAsync(session, request.Area, cancellation);
        if (area is null)
            errors["area"] = [string.IsNullOrWhiteSpace(request.Area)
                ? "Octans has several areas: say which area's inbox the reports go to."
                : $"There is no area called '{request.Area}'."];
        if (errors.Count > 0) return Answers.Invalid(errors).Result();

        var apiKey = IntakeKey.NewKey();
        var key = new IntakeKey
        {
            Id = Guid.CreateVersion7(), Sender = sender!, Area = area!.Name, KeyHash = IntakeKey.Hash(apiKey), CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Actor().Name,
        };
        session.Insert(key);
        await session.SaveChangesAsync(cancellation);
        var created = new KeyCreated(key.Id, key.Sender, key.Area, apiKey);
        return Results.Created(created.Url, created);
    }

    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/intake/keys", Name = "ListIntakeKeys")]
    [Tags("Intake")]
    public static async Task<IReadOnlyList<KeyView>> List(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<IntakeKey>().OrderBy(k => k.CreatedAt).ToListAsync(cancellation))
            .Select(k => new KeyView(k.Id, k.Sender, k.Area, k.CreatedAt, k.CreatedBy, k.RevokedAt))];

    /// <summary>The key stops working at once; reports it sent stay.</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/intake/keys/{id}/revoke", Name = "RevokeIntakeKey")]
    [Tags("Intake")]
    public static async Task<IResult> Revoke(Guid id, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (id == Guid.Empty || await session.LoadAsync<IntakeKey>(id, cancellation) is not { } key)
            return Answers.NotFound("There is no intake key with that id.").Result();
        key.RevokedAt ??= clock.GetUtcNow();
        session.Update(key);
        await session.SaveChangesAsync(cancellation);
        return Results.Ok(new KeyView(key.Id, key.Sender, key.Area, key.CreatedAt, key.CreatedBy, key.RevokedAt));
    }
}
