using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin;

public sealed record UserView(Guid Id, string Email, string Name, Role Role, Guid? TeamId, bool Disabled, DateTimeOffset? LockedUntil);

public sealed record CreateUser(string? Email, string? Name, Role? Role, Guid? TeamId, string? Password);

public sealed record ChangeRole(Role? Role, Guid? TeamId);

public static class UserRules
{
    public const int MinimumPasswordLength = 12;

    public static Dictionary<string, string[]> CheckRole(Role? role, Guid? teamId, IReadOnlyCollection<Guid> teams)
    {
        var errors = new Dictionary<string, string[]>();
        if (role is null) errors["role"] = ["Choose a role: Coordinator, TeamMember, Councillor or Admin."];
        else if (role == Role.TeamMember && teamId is null) errors["teamId"] = ["A team member belongs to one team: choose it."];
        else if (role != Role.TeamMember && teamId is not null) errors["teamId"] = ["Only team members belong to a team; leave the team empty for this role."];
        if (teamId is { } team && !teams.Contains(team)) errors["teamId"] = ["There is no team with that id."];
        return errors;
    }

    public static ProblemDetails Invalid(Dictionary<string, string[]> errors, string detail) =>
        new HttpValidationProblemDetails(errors) { Status = 400, Title = "The user could not be saved", Detail = detail };

    public static UserView View(User user) => new(user.Id, user.Email, user.Name, user.Role, user.TeamId, user.Disabled, user.LockedUntil);
}

public static class UsersEndpoints
{
    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/users", Name = "ListUsers")]
    public static async Task<IReadOnlyList<UserView>> List(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<User>().OrderBy(u => u.Email).ToListAsync(cancellation)).Select(UserRules.View).ToList();

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
    public static CreationResponse<Guid> Create(CreateUser request, IDocumentSession session)
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

public static class UserAccessEndpoints
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/disable", Name = "DisableUser")]
    public static Task<IResult> Disable(Guid id, IDocumentSession session, UserAccess access, CancellationToken cancellation) =>
        ChangeAsync(id, session, access, user => user.Disabled = true, cancellation);

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/enable", Name = "EnableUser")]
    public static Task<IResult> Enable(Guid id, IDocumentSession session, UserAccess access, CancellationToken cancellation) =>
        ChangeAsync(id, session, access, user => { user.Disabled = false; user.LockedUntil = null; user.FailedSignIns = 0; }, cancellation);

    public static async Task<ProblemDetails> ValidateAsync(ChangeRole request, IQuerySession session, CancellationToken cancellation)
    {
        var teams = await session.Query<Team>().Select(t => t.Id).ToListAsync(cancellation);
        var errors = UserRules.CheckRole(request.Role, request.TeamId, teams);
        return errors.Count == 0 ? WolverineContinue.NoProblems : UserRules.Invalid(errors, "Check the role and team and try again.");
    }

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/role", Name = "ChangeUserRole")]
    public static Task<IResult> Role(Guid id, ChangeRole request, IDocumentSession session, UserAccess access, CancellationToken cancellation) =>
        ChangeAsync(id, session, access, user => { user.Role = request.Role!.Value; user.TeamId = request.TeamId; }, cancellation);

    private static async Task<IResult> ChangeAsync(Guid id, IDocumentSession session, UserAccess access, Action<User> change, CancellationToken cancellation)
    {
        var user = await session.LoadAsync<User>(id, cancellation);
        if (user is null) return Results.Problem(statusCode: 404, title: "No such user", detail: "There is no user with that id.");
        change(user);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        session.Update(user);
        await session.SaveChangesAsync(cancellation);
        access.Forget(id);
        return Results.Ok(UserRules.View(user));
    }
}
