using Marten;
using Microsoft.AspNetCore.Identity;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.SigningIn;

/// <summary>
/// What a sign-in attempt came to: the user, signed in when <paramref name="Next"/> is None and otherwise waiting for a
/// second step; a refusal (of the code when <paramref name="WrongCode"/>); or a wait before the next attempt.
/// </summary>
public sealed record SignInOutcome(User? User, TimeSpan? WaitBefore = null, SecondStep Next = SecondStep.None, bool WrongCode = false)
{
    public bool SignedIn => User is not null && Next == SecondStep.None;
}

/// <summary>
/// Checks an email and password pair, and the code when the account signs in in two steps. Every refusal (unknown email,
/// locked, disabled, wrong password) reads the same and does the same work: one read of the user and of the locks, one
/// password hash, one count of the failure. A wrong code is counted the same way, and the count starts again only once
/// the whole sign-in is right, so a known password does not buy more guesses at the code.
/// </summary>
public sealed class Passwords(IDocumentStore store, UserWrites writes, SignInLimits limits, TwoStepSignIn twoStep, TimeProvider clock,
    ILogger<Passwords> logger)
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

    /// <summary>
    /// Checks the pair, and <paramref name="code"/> when the account needs one. Without a code such an account is not signed
    /// in: the outcome says what comes next, and nothing is counted or forgotten.
    /// </summary>
    public async Task<SignInOutcome> CheckAsync(string email, string password, string address, CancellationToken cancellation, string? code = null)
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

        var next = twoStep.After(user);
        if (next == SecondStep.Code)
        {
            if (string.IsNullOrWhiteSpace(code)) return new(user, Next: SecondStep.Code);
            if (!await twoStep.TakeAsync(user.Id, code, cancellation))
            {
                SignInCounts.Count(session, now, signedIn: false);
                await SignInFailures.CountAsync(session, normalised, address, now, cancellation);
                return new(null, WrongCode: true);
            }
            next = SecondStep.None;
        }
        // A password an administrator gave is changed first; two-step sign-in is set up after, when it is needed.
        if (user.MustChangePassword) next = SecondStep.ChangePassword;

        SignInFailures.Forget(session, normalised, address);
        // A right password that must still set up two-step sign-in has not signed in yet.
        if (next == SecondStep.None) SignInCounts.Count(session, now, signedIn: true);
        await session.SaveChangesAsync(cancellation);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await writes.ChangeAsync(user.Id, (latest, _) =>
            {
                latest.PasswordHash = Hash(latest, password);
                return Task.FromResult<Microsoft.AspNetCore.Mvc.ProblemDetails?>(null);
            }, renewStamp: false, cancellation);
        return new(user, Next: next);
    }

    /// <summary>
    /// The pages' second step: the code for a user who gave a right password moments ago (<see cref="BetweenSteps"/>), within
    /// the same limits and locks as a password, and counted the same way when wrong.
    /// </summary>
    public async Task<SignInOutcome> CheckCodeAsync(PasswordGiven given, string code, string address, CancellationToken cancellation)
    {
        if (await limits.WaitBeforeAsync(given.Email, address, cancellation) is { } wait) return new(null, wait);

        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var user = await session.LoadAsync<User>(given.UserId, cancellation);
        var lockedUntil = await SignInFailures.LockedUntilAsync(session, given.Email, address, now, cancellation);
        // A stamp changed since the password (disabled, role changed, signed out everywhere) ends the half-done sign-in.
        if (user is null || user.Disabled || user.SecurityStamp != given.Stamp || lockedUntil is not null
            || !await twoStep.TakeAsync(user.Id, code, cancellation))
        {
            SignInCounts.Count(session, now, signedIn: false);
            await SignInFailures.CountAsync(session, given.Email, address, now, cancellation);
            return new(null, WrongCode: true);
        }
        SignInFailures.Forget(session, given.Email, address);
        SignInCounts.Count(session, now, signedIn: true);
        await session.SaveChangesAsync(cancellation);
        return new(user);
    }
}
