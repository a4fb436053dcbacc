using Marten;
using Microsoft.AspNetCore.Identity;

namespace Octans.Api.SigningIn;

/// <summary>What a sign-in attempt came to: the user, a refusal, or a wait before the next attempt.</summary>
public sealed record SignInOutcome(User? User, TimeSpan? WaitBefore = null);

/// <summary>
/// Checks an email and password pair. Every refusal (unknown email, locked, disabled, wrong password) reads the same
/// and does the same work: one read of the user and of the locks, one password hash, one count of the failure.
/// </summary>
public sealed class Passwords(IDocumentStore store, UserWrites writes, SignInLimits limits, TimeProvider clock, ILogger<Passwords> logger)
{
    /// <summary>What a wrong pair is told, whether the email exists or not.</summary>
    public const string Refusal =
        "The email or password is not right. After five failed attempts in a row, the account cannot be signed in to from your network for 15 minutes.";

    public const int MinimumLength = 12;

    /// <summary>What is wrong with a new password, or null when it will do.</summary>
    public static string? Check(string? password) =>
        password is null || password.Length < MinimumLength ? $"Choose a password of at least {MinimumLength} characters." : null;

    private static readonly PasswordHasher<User> Hasher = new();

    // Hashing against a password that can never match keeps an unknown email as slow as a known one.
    private static readonly string DecoyHash = Hasher.HashPassword(new User(), Guid.NewGuid().ToString());

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Matches(User user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    public async Task<SignInOutcome> CheckAsync(string email, string password, string address, CancellationToken cancellation)
    {
        var normalised = User.Normalise(email);
        if (await limits.WaitBeforeAsync(normalised, address, cancellation) is { } wait) return new(null, wait);

        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var user = await session.Query<User>().FirstOrDefaultAsync(u => u.Email == normalised, cancellation);
        var lockedUntil = await SignInFailures.LockedUntilAsync(session, normalised, address, now, cancellation);
        var verdict = Hasher.VerifyHashedPassword(user ?? new User(), user?.PasswordHash ?? DecoyHash, password);

        if (user is null || user.Disabled || lockedUntil is not null || verdict == PasswordVerificationResult.Failed)
        {
            if (lockedUntil is not null && user is not null) logger.LogWarning("Sign-in refused for locked user {UserId}", user.Id);
            SignInCounts.Count(session, now, signedIn: false);
            await SignInFailures.CountAsync(session, normalised, address, now, cancellation);
            return new(null);
        }

        SignInFailures.Forget(session, normalised, address);
        SignInCounts.Count(session, now, signedIn: true);
        await session.SaveChangesAsync(cancellation);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await writes.ChangeAsync(user.Id, (latest, _) =>
            {
                latest.PasswordHash = Hash(latest, password);
                return Task.FromResult<Microsoft.AspNetCore.Mvc.ProblemDetails?>(null);
            }, renewStamp: false, cancellation);
        return new(user);
    }
}
