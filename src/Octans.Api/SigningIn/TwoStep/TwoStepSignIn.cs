using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Demo;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn.TwoStep;

/// <summary>What a right password still needs before the user is signed in: a code, setting two-step sign-in up, or a password of their own.</summary>
public enum SecondStep { None, Code, SetUp, ChangePassword }

/// <summary>
/// Two-step sign-in for password accounts: after the password, a code from an authenticator app or a recovery code.
/// Administrators need it, and anyone an administrator chooses; Development's demo accounts do not, so the demo stays
/// two commands. The app's secret is kept sealed with Data Protection, whose keys are kept sealed in the database.
/// </summary>
public sealed class TwoStepSignIn(IDataProtectionProvider protection, UserWrites writes, IHostEnvironment environment, TimeProvider clock)
{
    public const string CodeNeeded =
        "Two-step sign-in is on for this account: send the six-digit code from your authenticator app as 'code', or one of your recovery codes.";
    public const string WrongCode =
        "The code is not right, or it was used already. Wait for the next code and try again. After five failed attempts in a row, the account cannot be signed in to from your network for 15 minutes.";
    public const string SetUpFirst =
        "This account needs two-step sign-in and it is not set up yet. Sign in on Octans' sign-in page to set it up, then ask for a token with a code.";
    public const string SettingUpExpired = "Setting up took too long. Scan the new QR code below, or type the new key, and enter a code again.";

    public static readonly TimeSpan SettingUpLifetime = TimeSpan.FromMinutes(20);

    private readonly IDataProtector _secrets = protection.CreateProtector("Octans.SigningIn.AuthenticatorSecret");
    private readonly ITimeLimitedDataProtector _settingUp =
        protection.CreateProtector("Octans.SigningIn.AuthenticatorSecret.SettingUp").ToTimeLimitedDataProtector();

    public bool IsRequired(User user) =>
        (user.Role == Role.Admin || user.TwoStepRequired) && !(environment.IsDevelopment() && DemoAccounts.All.Any(demo => demo.Email == user.Email));

    public SecondStep After(User user) => user.HasTwoStep ? SecondStep.Code : IsRequired(user) ? SecondStep.SetUp : SecondStep.None;

    /// <summary>
    /// Takes a code for the user: an authenticator code for now that is later than the last one taken, or a recovery code
    /// not used yet. Taking it is saved with the user's version, so of two requests racing with one code only one gets in.
    /// </summary>
    public async Task<bool> TakeAsync(Guid userId, string code, CancellationToken cancellation)
    {
        var typed = code.Trim().Replace(" ", "", StringComparison.Ordinal);
        var (_, refusal) = await writes.ChangeAsync(userId, (user, _) =>
            Task.FromResult<ProblemDetails?>(Take(user, typed) ? null : Answers.Refused(WrongCode)), renewStamp: false, cancellation);
        return refusal is null;
    }

    private bool Take(User user, string typed)
    {
        if (user.AuthenticatorSecret is not { } sealedSecret || user.Disabled) return false;
        if (!AuthenticatorCodes.LooksLikeOne(typed)) return user.RecoveryCodeHashes.Remove(RecoveryCodes.Hash(typed));
        if (AuthenticatorCodes.Match(Open(sealedSecret), typed, clock.GetUtcNow(), user.AuthenticatorLastStep) is not { } step) return false;
        user.AuthenticatorLastStep = step;
        return true;
    }

    /// <summary>A new secret for the page to carry between showing it and the first code, sealed for this user and 20 minutes.</summary>
    public string SealWhileSettingUp(Guid userId, byte[] secret) =>
        _settingUp.Protect($"{userId:N}:{Convert.ToBase64String(secret)}", SettingUpLifetime);

    public byte[]? OpenWhileSettingUp(Guid userId, string? sealedSecret)
    {
        if (string.IsNullOrEmpty(sealedSecret)) return null;
        try
        {
            return _settingUp.Unprotect(sealedSecret).Split(':', 2) is [var id, var secret] && id == userId.ToString("N")
                ? Convert.FromBase64String(secret)
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Turns two-step sign-in on with the secret, once the user shows a first code from it, and gives the recovery codes to
    /// show once. It ends the user's other sign-ins, as any change to how they sign in does.
    /// </summary>
    public async Task<(User? User, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(Guid userId, byte[] secret, string code, CancellationToken cancellation)
    {
        if (AuthenticatorCodes.Match(secret, code.Trim().Replace(" ", "", StringComparison.Ordinal), clock.GetUtcNow(), 0) is not { } step) return (null, []);
        var codes = RecoveryCodes.New();
        var (user, refusal) = await writes.ChangeAsync(userId, (user, _) =>
        {
            if (user.Disabled) return Task.FromResult<ProblemDetails?>(Answers.Refused(Passwords.Refusal));
            user.AuthenticatorSecret = _secrets.Protect(Convert.ToBase64String(secret));
            user.AuthenticatorLastStep = step;
            user.RecoveryCodeHashes = [.. codes.Select(RecoveryCodes.Hash)];
            return Task.FromResult<ProblemDetails?>(null);
        }, renewStamp: true, cancellation);
        return refusal is null && user is not null ? (user, codes) : (null, []);
    }

    /// <summary>An administrator's reset: the user sets two-step sign-in up again at their next sign-in, when it is required.</summary>
    public static void TurnOff(User user)
    {
        user.AuthenticatorSecret = null;
        user.AuthenticatorLastStep = 0;
        user.RecoveryCodeHashes = [];
    }

    private byte[] Open(string sealedSecret) => Convert.FromBase64String(_secrets.Unprotect(sealedSecret));
}
