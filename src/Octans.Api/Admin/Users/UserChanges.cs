using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Admin.Changes;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Admin.Users;

/// <summary>
/// An administrator's change to a user. It renews the user's security stamp, so tokens and cookies issued before it stop
/// working, it never leaves Octans without an enabled administrator, and it is recorded with who made it and when.
/// </summary>
public static class UserChanges
{
    public const string LastAdministrator =
        "Octans needs at least one enabled administrator. Make someone else an administrator first, then make this change.";

    public static async Task<(UserView? User, ProblemDetails? Refusal)> ChangeAsync(Guid id, UserWrites writes, Action<User> change,
        Actor by, DateTimeOffset at, CancellationToken cancellation, bool liftLocks = false)
    {
        var (user, refusal) = await writes.ChangeAsync(id, async (user, session) =>
        {
            var (wasAdmin, wasRole, wasTeam, wasDisabled) = (user.IsEnabledAdmin, user.Role, user.TeamId, user.Disabled);
            var (wasRequired, wasTwoStep) = (user.TwoStepRequired, user.HasTwoStep);
            change(user);
            if (wasAdmin && !user.IsEnabledAdmin &&
                !await session.Query<User>().AnyAsync(other => other.Id != id && other.Role == Role.Admin && !other.Disabled))
                return Answers.Refused(LastAdministrator);
            if (liftLocks) SignInFailures.ForgetAll(session, user.Email);
            List<string> changes = [];
            if (user.Disabled != wasDisabled) changes.Add(user.Disabled ? "Disabled and signed out everywhere" : "Enabled");
            if (user.Role != wasRole || user.TeamId != wasTeam)
                changes.Add($"Role changed from {await RoleAsync(session, wasRole, wasTeam)} to {await RoleAsync(session, user.Role, user.TeamId)}");
            if (user.TwoStepRequired != wasRequired)
                changes.Add(user.TwoStepRequired ? "Two-step sign-in required" : "Two-step sign-in no longer required");
            if (wasTwoStep && !user.HasTwoStep) changes.Add("Two-step sign-in turned off");
            if (changes.Count == 0 && liftLocks) changes.Add("Sign-in locks lifted");
            if (changes.Count > 0) AdminChanges.Record(session, by, at, ChangedThing.User, user.Name, string.Join("; ", changes));
            return null;
        }, renewStamp: true, cancellation, byAdministrator: true);
        return (user is null ? null : UserRules.View(user), refusal);
    }

    /// <summary>The change as the API answers it: the user as they now are, or the refusal.</summary>
    public static async Task<IResult> AnswerAsync(Guid id, UserWrites writes, Action<User> change, Actor by, DateTimeOffset at,
        CancellationToken cancellation, bool liftLocks = false) =>
        await ChangeAsync(id, writes, change, by, at, cancellation, liftLocks) switch
        {
            (_, { } refusal) => refusal.Result(),
            var (user, _) => Results.Ok(user),
        };

    /// <summary>"Coordinator", or "Team member of Street Lighting".</summary>
    private static async Task<string> RoleAsync(IQuerySession session, Role role, Guid? team) =>
        team is { } id && await session.LoadAsync<Team>(id) is { } found
            ? $"{AdminChanges.RoleName(role)} of {found.Name}"
            : AdminChanges.RoleName(role);
}
