using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public sealed record UserView(Guid Id, string Email, string Name, Role Role, Guid? TeamId, bool Disabled, DateTimeOffset? LockedUntil);

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
