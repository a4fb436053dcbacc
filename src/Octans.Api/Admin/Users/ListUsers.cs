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
    public static async Task<IReadOnlyList<UserView>> Get(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<User>().OrderBy(u => u.Email).ToListAsync(cancellation)).Select(UserRules.View).ToList();
}
