using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Octans.Api.SigningIn;

/// <summary>
/// Whether a signed-in user may still act: not disabled, and their token or cookie was issued since their last
/// security change. Cached briefly so every request does not cost a query; a change made on this node takes effect at once.
/// </summary>
public sealed class UserAccess(IDocumentStore store, IMemoryCache cache)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);

    public async Task<bool> StillAllowedAsync(Guid userId, string? stamp, CancellationToken cancellation)
    {
        if (userId == Guid.Empty || stamp is null) return false;
        var current = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var session = store.QuerySession();
            var user = await session.LoadAsync<User>(userId, cancellation);
            return user is null || user.Disabled ? null : user.SecurityStamp;
        });
        return current == stamp;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"user-access:{userId}";
}
