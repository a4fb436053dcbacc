using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public static class DisableUserEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/disable", Name = "DisableUser")]
    [ProducesResponseType<UserView>(200)]
    [ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static Task<IResult> Post(Guid id, UserWrites writes, ClaimsPrincipal admin, TimeProvider clock, CancellationToken cancellation) =>
        UserChanges.AnswerAsync(id, writes, user => user.Disabled = true, admin.Actor(), clock.GetUtcNow(), cancellation);
}

public static class EnableUserEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/enable", Name = "EnableUser")]
    [ProducesResponseType<UserView>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static Task<IResult> Post(Guid id, UserWrites writes, ClaimsPrincipal admin, TimeProvider clock, CancellationToken cancellation) =>
        UserChanges.AnswerAsync(id, writes, user => user.Disabled = false, admin.Actor(), clock.GetUtcNow(), cancellation, liftLocks: true);
}
