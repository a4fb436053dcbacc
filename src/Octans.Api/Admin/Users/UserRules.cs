using Marten;
using Octans.Api.Admin.Changes;
using Octans.Domain;
using Octans.Api.Setup.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

/// <summary>A user as administrators see them: <c>TwoStepRequired</c> is an administrator's choice (administrators always need it), <c>TwoStepOn</c> whether it is set up.</summary>
public sealed record UserView(Guid Id, string Email, string Name, Role Role, Guid? TeamId, bool Disabled, DateTimeOffset? LockedUntil,
    bool TwoStepRequired, bool TwoStepOn);

public static class UserRules
{
    public const string EmailTaken = "There is already a user with this email address.";

    /// <summary>A role, and a team exactly when the role is TeamMember. Both arrive as text from the API and the pages.</summary>
    public static async Task<(Role? Role, Guid? TeamId, Dictionary<string, string[]> Errors)> CheckRoleAsync(string? roleText, string? teamText,
        IQuerySession session, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var role = Octans.Api.Problems.Choice.Of<Role>(roleText);
        Guid? teamId = Guid.TryParse(teamText, out var parsed) ? parsed : null;
        if (role is null) errors["role"] = ["Choose a role: coordinator, team member, councillor or administrator."];
        else if (role == Role.TeamMember && teamId is null) errors["teamId"] = ["A team member belongs to one team: choose it."];
        else if (role != Role.TeamMember && !string.IsNullOrWhiteSpace(teamText)) errors["teamId"] = ["Only team members belong to a team; leave the team empty for this role."];
        if (role == Role.TeamMember && teamId is { } team && !await session.Query<Team>().AnyAsync(t => t.Id == team, cancellation))
            errors["teamId"] = ["There is no team with that id."];
        return (role, role == Role.TeamMember ? teamId : null, errors);
    }

    /// <summary>Everything wrong with a new user, at once.</summary>
    public static async Task<Dictionary<string, string[]>> CheckNewAsync(CreateUser request, IQuerySession session, CancellationToken cancellation)
    {
        var (_, _, errors) = await CheckRoleAsync(request.Role, request.TeamId, session, cancellation);
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@') || request.Email.Length > 254)
            errors["email"] = ["Enter the user's work email address, like name@luton.gov.uk."];
        else if (await session.Query<User>().AnyAsync(u => u.Email == User.Normalise(request.Email), cancellation))
            errors["email"] = [EmailTaken];
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
            errors["name"] = ["Enter the user's name, up to 100 characters."];
        if (Passwords.Check(request.Password) is { } weak) errors["password"] = [weak];
        return errors;
    }

    public static User New(CreateUser request)
    {
        var role = Octans.Api.Problems.Choice.Of<Role>(request.Role)!.Value;
        var user = new User
        {
            Id = Guid.CreateVersion7(), Email = User.Normalise(request.Email!), Name = request.Name!.Trim(), Role = role,
            TeamId = role == Role.TeamMember && Guid.TryParse(request.TeamId, out var team) ? team : null,
            // The administrator chose this password, so the user replaces it at their first sign-in.
            MustChangePassword = true,
        };
        user.PasswordHash = Passwords.Hash(user, request.Password!);
        return user;
    }

    /// <summary>
    /// Adds the user, or says the email is taken. The check before is for the usual case; the unique index decides when two
    /// administrators add the same email at once.
    /// </summary>
    public static async Task<Dictionary<string, string[]>?> AddAsync(IDocumentStore store, User user, Actor by, DateTimeOffset at,
        CancellationToken cancellation)
    {
        await using var session = store.OpenWriteSession();
        session.Insert(user);
        var team = user.TeamId is { } id && await session.LoadAsync<Team>(id, cancellation) is { } found ? $" of {found.Name}" : "";
        AdminChanges.Record(session, by, at, ChangedThing.User, user.Name, $"Added as {AdminChanges.RoleName(user.Role)}{team}");
        try
        {
            await session.SaveChangesAsync(cancellation);
            return null;
        }
        catch (Exception exception) when (IsTakenEmail(exception))
        {
            return new() { ["email"] = [EmailTaken] };
        }
    }

    private static bool IsTakenEmail(Exception? exception) => exception switch
    {
        null => false,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTakenEmail),
        _ => IsTakenEmail(exception.InnerException),
    };

    public static UserView View(User user, DateTimeOffset? lockedUntil = null) =>
        new(user.Id, user.Email, user.Name, user.Role, user.TeamId, user.Disabled, lockedUntil, user.TwoStepRequired, user.HasTwoStep);
}
