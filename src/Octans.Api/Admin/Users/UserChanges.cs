using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

/// <summary>Every change to a user renews their security stamp, so tokens and cookies issued before it stop working.</summary>
public static class UserChanges
{
    public static async Task<IResult> ChangeAsync(Guid id, IDocumentSession session, UserAccess access, Action<User> change, CancellationToken cancellation)
    {
        var user = await session.LoadAsync<User>(id, cancellation);
        if (user is null) return Answers.NotFound("There is no user with that id.").Result();
        change(user);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        session.Update(user);
        await session.SaveChangesAsync(cancellation);
        access.Forget(id);
        return Results.Ok(UserRules.View(user));
    }
}
