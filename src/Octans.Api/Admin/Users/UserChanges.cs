using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;

namespace Octans.Api.Admin.Users;

/// <summary>
/// An administrator's change to a user. It renews the user's security stamp, so tokens and cookies issued before it stop
/// working, and it never leaves Octans without an enabled administrator.
/// </summary>
public static class UserChanges
{
    public const string LastAdministrator =
        "Octans needs at least one enabled administrator. Make someone else an administrator first, then make this change.";

    public static async Task<(UserView? User, ProblemDetails? Refusal)> ChangeAsync(Guid id, UserWrites writes, Action<User> change,
        CancellationToken cancellation, bool liftLocks = false)
    {
        var (user, refusal) = await writes.ChangeAsync(id, async (user, session) =>
        {
            var wasAdmin = user.IsEnabledAdmin;
            change(user);
            if (wasAdmin && !user.IsEnabledAdmin &&
                !await session.Query<User>().AnyAsync(other => other.Id != id && other.Role == Role.Admin && !other.Disabled))
                return Answers.Refused(LastAdministrator);
            if (liftLocks) SignInFailures.ForgetAll(session, user.Email);
            return null;
        }, renewStamp: true, cancellation, byAdministrator: true);
        return (user is null ? null : UserRules.View(user), refusal);
    }

    /// <summary>The change as the API answers it: the user as they now are, or the refusal.</summary>
    public static async Task<IResult> AnswerAsync(Guid id, UserWrites writes, Action<User> change, CancellationToken cancellation,
        bool liftLocks = false) =>
        await ChangeAsync(id, writes, change, cancellation, liftLocks) switch
        {
            (_, { } refusal) => refusal.Result(),
            var (user, _) => Results.Ok(user),
        };
}
