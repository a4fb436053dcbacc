using Marten;
using Microsoft.AspNetCore.Identity;

namespace Octans.Api.SigningIn;

/// <summary>Checks an email and password pair, counting failures: five in a row lock the account for 15 minutes.</summary>
public sealed class Passwords(IDocumentStore store, TimeProvider clock, ILogger<Passwords> logger)
{
    public const int AttemptsBeforeLockout = 5;

    /// <summary>What a wrong pair is told, whether the email exists or not.</summary>
    public const string Refusal =
        "The email or password is not right. After five failed attempts in a row an account is locked for 15 minutes.";
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<User> Hasher = new();

    // Hashing a password that can never match keeps an unknown email as slow as a known one.
    private static readonly string DecoyHash = Hasher.HashPassword(new User(), Guid.NewGuid().ToString());

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public async Task<User?> CheckAsync(string email, string password, CancellationToken cancellation)
    {
        var normalised = User.Normalise(email);
        await using var session = store.LightweightSession();
        var user = await session.Query<User>().FirstOrDefaultAsync(u => u.Email == normalised, cancellation);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(new User(), DecoyHash, password);
            return null;
        }

        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            logger.LogWarning("Sign-in refused for locked user {UserId}", user.Id);
            return null;
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed || user.Disabled)
        {
            if (verdict == PasswordVerificationResult.Failed)
            {
                user.FailedSignIns++;
                if (user.FailedSignIns >= AttemptsBeforeLockout)
                {
                    user.LockedUntil = now + LockoutDuration;
                    user.FailedSignIns = 0;
                    logger.LogWarning("User {UserId} locked for {Minutes} minutes after {Attempts} failed sign-ins",
                        user.Id, LockoutDuration.TotalMinutes, AttemptsBeforeLockout);
                }
                session.Update(user);
                await session.SaveChangesAsync(cancellation);
            }
            return null;
        }

        if (user.FailedSignIns > 0 || user.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = Hasher.HashPassword(user, password);
            session.Update(user);
            await session.SaveChangesAsync(cancellation);
        }
        return user;
    }
}
