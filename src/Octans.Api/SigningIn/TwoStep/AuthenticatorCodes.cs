using OtpNet;

namespace Octans.Api.SigningIn.TwoStep;

/// <summary>
/// The six-digit codes of an authenticator app (TOTP, RFC 6238: SHA-1, 30-second steps), as Google Authenticator, Microsoft
/// Authenticator and the others make them. A code is taken from the step before to the step after now, so a phone's
/// clock a little out does not matter, and only for a step later than the last one taken, so no code is taken twice.
/// </summary>
public static class AuthenticatorCodes
{
    public const string Issuer = "Octans";
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    /// <summary>The secret as an app takes it when typed: base32, in groups of four.</summary>
    public static string Written(byte[] secret) =>
        string.Join(' ', Base32Encoding.ToString(secret).TrimEnd('=').Chunk(4).Select(group => new string(group)));

    /// <summary>What the QR code carries: the otpauth link every authenticator app reads.</summary>
    public static string SetUpLink(string email, byte[] secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}" +
        $"?secret={Base32Encoding.ToString(secret).TrimEnd('=')}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>Whether the text has the shape of an authenticator code, rather than of a recovery code.</summary>
    public static bool LooksLikeOne(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>The time step the code belongs to, when it is right now and later than <paramref name="lastStep"/>; otherwise null.</summary>
    public static long? Match(byte[] secret, string code, DateTimeOffset now, long lastStep)
    {
        if (!LooksLikeOne(code)) return null;
        var totp = new Totp(secret);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, OneStepEitherSide) && step > lastStep ? step : null;
    }
}
