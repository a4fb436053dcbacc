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
        var (created, errors) = await IntakeKeys.CreateAsync(session, request, user, clock, cancellation);
        return created is null ? Answers.Invalid(errors).Result() : Results.Created(created.Url, created);
    }

    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/intake/keys", Name = "ListIntakeKeys")]
    [Tags("Intake")]
    public static Task<IReadOnlyList<KeyView>> List(IQuerySession session, CancellationToken cancellation) =>
        IntakeKeys.ListAsync(session, cancellation);

    /// <summary>The key stops working at once; reports it sent stay.</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/intake/keys/{id}/revoke", Name = "RevokeIntakeKey")]
    [Tags("Intake")]
    public static async Task<IResult> Revoke(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation) =>
        await IntakeKeys.RevokeAsync(session, id, user, clock, cancellation) is { } key
            ? Results.Ok(key)
            : Answers.NotFound("There is no intake key with that id.").Result();
}
