using System.Security.Claims;
using Marten;
using Octans.Api.Admin.Changes;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Intake.Keys;

/// <summary>Making, listing and revoking intake keys, for the API and the admin page alike.</summary>
public static partial class IntakeKeys
{
    public static async Task<(KeyCreated? Created, Dictionary<string, string[]> Errors)> CreateAsync(IDocumentSession session,
        CreateKeyRequest request, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
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
                ? "Octans has several areas: select which area's inbox the reports go to."
                : $"There is no area called '{request.Area}'."];
        if (errors.Count > 0) return (null, errors);

        var apiKey = IntakeKey.NewKey();
        var key = new IntakeKey
        {
            Id = Guid.CreateVersion7(), Sender = sender!, Area = area!.Name, KeyHash = IntakeKey.Hash(apiKey), CreatedAt = clock.GetUtcNow(),
            CreatedBy = user.Actor().Name,
        };
        session.Insert(key);
        AdminChanges.Record(session, user.Actor(), key.CreatedAt, ChangedThing.IntakeKey, key.Sender, $"Key made for {key.Area}'s inbox");
        await session.SaveChangesAsync(cancellation);
        return (new KeyCreated(key.Id, key.Sender, key.Area, apiKey), errors);
    }

    public static async Task<IReadOnlyList<KeyView>> ListAsync(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<IntakeKey>().OrderBy(k => k.CreatedAt).ToListAsync(cancellation))
            .Select(k => new KeyView(k.Id, k.Sender, k.Area, k.CreatedAt, k.CreatedBy, k.RevokedAt))];

    /// <summary>The key stops working at once; reports it sent stay. Null when there is no such key.</summary>
    public static async Task<KeyView?> RevokeAsync(IDocumentSession session, Guid id, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (id == Guid.Empty || await session.LoadAsync<IntakeKey>(id, cancellation) is not { } key) return null;
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            AdminChanges.Record(session, user.Actor(), key.RevokedAt.Value, ChangedThing.IntakeKey, key.Sender, $"Key for {key.Area}'s inbox revoked");
        }
        session.Update(key);
        await session.SaveChangesAsync(cancellation);
        return new KeyView(key.Id, key.Sender, key.Area, key.CreatedAt, key.CreatedBy, key.RevokedAt);
    }
}
