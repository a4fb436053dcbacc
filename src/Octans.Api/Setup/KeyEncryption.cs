using System.Security.Cryptography;
using System.Text;

namespace Octans.Api.Setup;

/// <summary>
/// The secret from configuration that encrypts the keys Octans keeps in its database (the data-protection keys behind
/// cookies and form tokens, and the key that signs API tokens), so a copy of the database alone opens nothing.
/// Octans:Keys:Secret encrypts; it and Octans:Keys:PreviousSecrets decrypt, so a key sealed before a rotation still opens.
/// </summary>
public sealed class KeyEncryption
{
    public const string SecretSetting = "Octans:Keys:Secret";
    public const string PreviousSecretsSetting = "Octans:Keys:PreviousSecrets";
    private const string Prefix = "octans-sealed:v1:";
    private const int NonceBytes = 12, TagBytes = 16;

    private readonly Secret? _current;
    private readonly IReadOnlyList<Secret> _all;

    private KeyEncryption(Secret? current, IReadOnlyList<Secret> all) => (_current, _all) = (current, all);

    public static KeyEncryption From(IConfiguration configuration)
    {
        var current = configuration[SecretSetting] is { Length: > 0 } value ? Secret.Parse(SecretSetting, value) : null;
        var section = configuration.GetSection(PreviousSecretsSetting);
        var previous = (section.Value is { } list ? list.Split(',') : section.GetChildren().Select(child => child.Value ?? ""))
            .Select(entry => entry.Trim()).Where(entry => entry.Length > 0)
            .Select(entry => Secret.Parse(PreviousSecretsSetting, entry));
        return new(current, [.. new[] { current }.OfType<Secret>(), .. previous]);
    }

    public bool Enabled => _current is not null;

    /// <summary>The message for an operator who must set the secret.</summary>
    public static string Missing =>
        $"{SecretSetting} is not set. Outside Development Octans keeps its keys encrypted and needs a secret of 32 random bytes, " +
        "base64-encoded (for example from `openssl rand -base64 32`); see the README's configuration table.";

    public static bool IsSealed(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> is sealed with the current secret, so it needs no rewriting.</summary>
    public bool IsCurrent(string text) => _current is not null && text.StartsWith($"{Prefix}{_current.Id}:", StringComparison.Ordinal);

    /// <summary>
    /// The ids of the secrets that sealed these keys and that this node does not have (a key in the clear needs none): a
    /// node given the wrong secret finds them at start-up rather than answering a request with an error.
    /// </summary>
    public IReadOnlyList<string> Lacking(IEnumerable<string> keys) =>
        [.. keys.Where(IsSealed).Select(SealedBy).Distinct().Where(id => _all.All(secret => secret.Id != id)).Order()];

    // The id of the secret a sealed key names after the prefix: "octans-sealed:v1:{id}:{sealed bytes}".
    private static string SealedBy(string text) => text.Split(':') is [_, _, var id, _] ? id : "";

    /// <summary>The sentence a node refuses to start with when it lacks the secrets with these ids.</summary>
    public static string Refusal(IReadOnlyList<string> lacking) =>
        $"The keys in the database were sealed with a secret this node does not have (its id is {string.Join(", ", lacking)}). " +
        $"Set {SecretSetting} to the secret the other nodes use, or list the old one in {PreviousSecretsSetting} while rotating, then start Octans again.";

    public string Seal(byte[] plain)
    {
        var secret = _current ?? throw new InvalidOperationException(Missing);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(secret.Key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.ASCII.GetBytes(secret.Id));
        return $"{Prefix}{secret.Id}:{Convert.ToBase64String(sealedBytes)}";
    }

    public byte[] Open(string text)
    {
        var parts = text.Split(':');
        if (!IsSealed(text) || parts.Length != 4) throw new InvalidOperationException("A stored key is not in the form Octans seals keys in.");
        var id = SealedBy(text);
        var secret = _all.FirstOrDefault(s => s.Id == id) ?? throw new InvalidOperationException(Refusal([id]));
        var sealedBytes = Convert.FromBase64String(parts[3]);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(secret.Key, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain,
            Encoding.ASCII.GetBytes(secret.Id));
        return plain;
    }

    /// <summary>A secret and the id it is known by in what it sealed: the start of its SHA-256, which gives nothing away.</summary>
    private sealed record Secret(string Id, byte[] Key)
    {
        public static Secret Parse(string setting, string value)
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{setting} must be base64-encoded: 32 random bytes, for example from `openssl rand -base64 32`.");
            }
            if (key.Length != 32) throw new InvalidOperationException($"{setting} must be exactly 32 bytes, base64-encoded; it is {key.Length}.");
            return new(Convert.ToHexStringLower(SHA256.HashData(key))[..12], key);
        }
    }
}
