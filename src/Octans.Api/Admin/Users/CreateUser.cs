using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.ReferenceData;
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
    public static CreationResponse<Guid> Post(CreateUser request, IDocumentSession session)
    {
        var user = UserRules.New(request);
        session.Insert(user);
        return new CreationResponse<Guid>($"/api/users/{user.Id}", user.Id);
    }
}
