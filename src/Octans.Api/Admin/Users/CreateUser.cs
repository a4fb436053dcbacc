using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public sealed record CreateUser(string? Email, string? Name, string? Role, string? TeamId, string? Password);

public static class CreateUserEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CreateUser request, IQuerySession session, CancellationToken cancellation)
    {
        var errors = await UserRules.CheckNewAsync(request, session, cancellation);
        return errors.Count == 0 ? WolverineContinue.NoProblems : Answers.Invalid(errors);
    }

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users", Name = "CreateUser")]
    [ProducesResponseType<CreationResponse<Guid>>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Post(CreateUser request, IDocumentStore store, ClaimsPrincipal admin, TimeProvider clock,
        CancellationToken cancellation)
    {
        var user = UserRules.New(request);
        if (await UserRules.AddAsync(store, user, admin.Actor(), clock.GetUtcNow(), cancellation) is { } taken) return Answers.Invalid(taken).Result();
        return Results.Created($"/api/users/{user.Id}", new CreationResponse<Guid>($"/api/users/{user.Id}", user.Id));
    }
}
