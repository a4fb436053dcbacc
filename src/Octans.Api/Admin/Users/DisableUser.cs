using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public static class DisableUserEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/disable", Name = "DisableUser")]
    public static Task<IResult> Post(Guid id, IDocumentSession session, UserAccess access, CancellationToken cancellation) =>
        UserChanges.ChangeAsync(id, session, access, user => user.Disabled = true, cancellation);
}

public static class EnableUserEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/enable", Name = "EnableUser")]
    public static Task<IResult> Post(Guid id, IDocumentSession session, UserAccess access, CancellationToken cancellation) =>
        UserChanges.ChangeAsync(id, session, access, user => { user.Disabled = false; user.LockedUntil = null; user.FailedSignIns = 0; }, cancellation);
}
