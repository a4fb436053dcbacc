using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public static class ListUsersEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/users", Name = "ListUsers")]
    public static async Task<IReadOnlyList<UserView>> Get(IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        await AllAsync(session, clock, cancellation);

    /// <summary>Every user with when their account is locked for everyone until, if it is.</summary>
    public static async Task<IReadOnlyList<UserView>> AllAsync(IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var users = await session.Query<User>().OrderBy(u => u.Email).ToListAsync(cancellation);
        var locked = await SignInFailures.LockedAccountsAsync(session, clock.GetUtcNow(), cancellation);
        return users.Select(user => UserRules.View(user, locked.TryGetValue(user.Email, out var until) ? until : null)).ToList();
    }
}
