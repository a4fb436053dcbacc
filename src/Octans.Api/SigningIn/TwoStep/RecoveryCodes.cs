using System.Security.Cryptography;
using System.Text;

namespace Octans.Api.SigningIn.TwoStep;

/// <summary>
/// Ten codes for when the phone is lost, each good once, shown once when two-step sign-in is set up. Only their SHA-256 is
/// kept: each is 50 random bits, too many to guess from a hash, so a slow password hash would only slow every sign-in.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    // No 0/o, 1/l/i: a code is read off paper and typed.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static IReadOnlyList<string> New() =>
        [.. Enumerable.Range(0, Count).Select(_ => RandomNumberGenerator.GetString(Alphabet, 10).Insert(5, "-"))];

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code))));

    /// <summary>A code as typed: any case, with or without its hyphen and spaces.</summary>
    public static string Normalise(string code) =>
        new([.. code.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant)]);
}
