using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Octans.Api.SigningIn;

public static class SignOutEndpoint
{
    /// <summary>Ends this token (or cookie sign-in) on every node; the user's other sign-ins carry on.</summary>
    [WolverinePost("/api/auth/sign-out", Name = "SignOut")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    public static async Task<IResult> Post(ClaimsPrincipal user, IDocumentStore store, UserAccess access, TimeProvider clock, CancellationToken cancellation)
    {
        await EndAsync(user, store, access, clock, cancellation);
        return Results.NoContent();
    }

    public static async Task EndAsync(ClaimsPrincipal user, IDocumentStore store, UserAccess access, TimeProvider clock, CancellationToken cancellation)
    {
        if (user.SessionOf() is not { } session) return;
        var now = clock.GetUtcNow();
        // A token lives at most its lifetime; a cookie slides, but never more than a lifetime past its last use, which is now.
        var until = long.TryParse(user.FindFirstValue("exp"), out var expires) ? DateTimeOffset.FromUnixTimeSeconds(expires) + TimeSpan.FromMinutes(1) : now + Tokens.Lifetime;
        await EndedSessions.EndAsync(store, access, session, until, now, cancellation);
    }
}
