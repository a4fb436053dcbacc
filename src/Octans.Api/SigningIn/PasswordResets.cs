using System.Security.Claims;
using System.Security.Cryptography;
using Marten;
using Octans.Api.Setup.Idempotency;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn;

/// <summary>A one-time link to set a new password. Only a hash of its token is kept, so the database cannot give it away.</summary>
public sealed class PasswordReset
{
    /// <summary>The SHA-256 of the token, in hex.</summary>
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public Guid IssuedBy { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

public sealed record PasswordChangeOutcome(User? User, ProblemDetails? Refusal = null, TimeSpan? WaitBefore = null);

public sealed record ResetLink(string Link, DateTimeOffset ExpiresAt);

/// <summary>The ways a password changes after the account is made: by its owner, or with a reset link from an administrator.</summary>
public sealed class PasswordChanges(IDocumentStore store, UserWrites writes, SignInLimits limits, TimeProvider clock)
{
    public static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(24);

    public const string UnknownLink = "This reset link is not right. Check you copied all of it, or ask an administrator for a new one.";
    public const string ExpiredLink = "This reset link has expired. Ask an administrator for a new one.";
    public const string UsedLink = "This reset link has already been used. Ask an administrator for a new one.";
    public const string ChangeFirst =
        "An administrator set this account's password, so they know it. Sign in on Octans' sign-in page and choose a password of your own first, then ask for a token with it.";
    public const string SameAsGiven = "Choose a new password, not the one an administrator gave you.";

    /// <summary>Checks the current password as sign-in does (and within its limits), then sets the new one.</summary>
    public Task<PasswordChangeOutcome> ChangeOwnAsync(ClaimsPrincipal principal, string current, string replacement, string address,
        CancellationToken cancellation) =>
        ChangeOwnAsync(principal.UserId(), principal.FindFirstValue(ClaimTypes.Email) ?? "", current, replacement, address, cancellation);

    /// <summary>
    /// The same for someone between their password and being signed in, who must replace the password an administrator gave
    /// them (<see cref="User.MustChangePassword"/>) before anything else.
    /// </summary>
    public async Task<PasswordChangeOutcome> ChangeOwnAsync(Guid userId, string email, string current, string replacement, string address,
        CancellationToken cancellation)
    {
        if (await limits.WaitBeforeAsync(email, address, cancellation) is { } wait)
            return new(null, null, wait);
        var (user, refusal) = await writes.ChangeAsync(userId, (user, _) =>
        {
            if (!Passwords.Matches(user, current))
                return Task.FromResult<ProblemDetails?>(Answers.Invalid("currentPassword", ChangePasswordEndpoint.WrongCurrent));
            if (user.MustChangePassword && current == replacement)
                return Task.FromResult<ProblemDetails?>(Answers.Invalid("newPassword", SameAsGiven));
            user.PasswordHash = Passwords.Hash(user, replacement);
            user.MustChangePassword = false;
            return Task.FromResult<ProblemDetails?>(null);
        }, renewStamp: true, cancellation);
        return new(refusal is null ? user : null, refusal);
    }

    /// <summary>A new link for the user, replacing any they had not used. The link is shown once and never stored.</summary>
    public async Task<ResetLink?> IssueAsync(Guid userId, Octans.Domain.Actor issuedBy, string baseUrl, CancellationToken cancellation)
    {
        await using var session = store.OpenWriteSession();
        if (await session.LoadAsync<User>(userId, cancellation) is not { } user) return null;
        var token = Base64UrlToken();
        var now = clock.GetUtcNow();
        var expires = now + ResetLinkLifetime;
        session.DeleteWhere<PasswordReset>(reset => reset.UserId == userId);
        session.Insert(new PasswordReset { Id = HashOf(token), UserId = userId, IssuedBy = issuedBy.UserId, ExpiresAt = expires });
        Admin.Changes.AdminChanges.Record(session, issuedBy, now, Admin.Changes.ChangedThing.User, user.Name, "Password reset link made");
        await session.SaveChangesAsync(cancellation);
        return new ResetLink($"{baseUrl.TrimEnd('/')}/reset-password/{token}", expires);
    }

    /// <summary>Whether the token may still be used, and why not.</summary>
    public async Task<ProblemDetails?> CheckAsync(string? token, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return Refusal(token is null ? null : await session.LoadAsync<PasswordReset>(HashOf(token), cancellation));
    }

    /// <summary>Sets the new password and uses up the link, in one transaction: of two uses at once, one wins.</summary>
    public async Task<ProblemDetails?> ResetAsync(string token, string replacement, CancellationToken cancellation)
    {
        var hash = HashOf(token);
        PasswordReset? found;
        await using (var query = store.QuerySession()) found = await query.LoadAsync<PasswordReset>(hash, cancellation);
        if (Refusal(found) is { } refused) return refused;

        var (_, refusal) = await writes.ChangeAsync(found!.UserId, async (user, session) =>
        {
            var reset = await session.LoadAsync<PasswordReset>(hash, cancellation);
            if (Refusal(reset) is { } refused) return refused;
            reset!.UsedAt = clock.GetUtcNow();
            session.Update(reset);
            user.PasswordHash = Passwords.Hash(user, replacement);
            user.MustChangePassword = false;
            SignInFailures.ForgetAll(session, user.Email);
            return null;
        }, renewStamp: true, cancellation);
        return refusal;
    }

    private ProblemDetails? Refusal(PasswordReset? reset) => reset switch
    {
        null => Answers.Invalid("token", UnknownLink),
        { UsedAt: not null } => Answers.Invalid("token", UsedLink),
        _ when reset.ExpiresAt <= clock.GetUtcNow() => Answers.Invalid("token", ExpiredLink),
        _ => null,
    };

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
