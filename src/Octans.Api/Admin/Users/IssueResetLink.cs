using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

/// <summary>
/// An administrator makes a one-time link for a user to set a new password, valid for 24 hours. The answer is the only
/// place the link appears: give it to the person yourself. A new link replaces one not yet used.
/// </summary>
public static class IssueResetLinkEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/password-reset", Name = "IssueResetLink")]
    [ProducesResponseType<ResetLink>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Post(Guid id, ClaimsPrincipal admin, HttpContext context, PasswordChanges changes, CancellationToken cancellation) =>
        await changes.IssueAsync(id, admin.Actor(), BaseUrl(context.Request), cancellation) is { } link
            ? Results.Ok(link)
            : Answers.NotFound("There is no user with that id.").Result();

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
