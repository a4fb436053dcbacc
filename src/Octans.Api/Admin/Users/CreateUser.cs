using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public sealed record CreateUser(string? Email, string? Name, Role? Role, Guid? TeamId, string? Password);

public static class CreateUserEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CreateUser request, IQuerySession session, CancellationToken cancellation)
    {
        var teams = await session.Query<Team>().Select(t => t.Id).ToListAsync(cancellation);
        var errors = UserRules.CheckRole(request.Role, request.TeamId, teams);
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@') || request.Email.Length > 254)
            errors["email"] = ["Enter the user's work email address, like name@luton.gov.uk."];
        else if (await session.Query<User>().AnyAsync(u => u.Email == User.Normalise(request.Email), cancellation))
            errors["email"] = ["There is already a user with this email address."];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            errors["name"] = ["Enter the user's name, up to 100 characters."];
        if (request.Password is null || request.Password.Length < UserRules.MinimumPasswordLength)
            errors["password"] = [$"Choose a password of at least {UserRules.MinimumPasswordLength} characters."];
        return errors.Count == 0 ? WolverineContinue.NoProblems : UserRules.Invalid(errors, "Check the highlighted fields and try again.");
    }

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users", Name = "CreateUser")]
    public static CreationResponse<Guid> Post(CreateUser request, IDocumentSession session)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(), Email = User.Normalise(request.Email!), Name = request.Name!.Trim(),
            Role = request.Role!.Value, TeamId = request.TeamId,
        };
        user.PasswordHash = Passwords.Hash(user, request.Password!);
        session.Insert(user);
        return new CreationResponse<Guid>($"/api/users/{user.Id}", user.Id);
    }
}
