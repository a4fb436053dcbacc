using System.Security.Cryptography;
using System.Text;
using Marten;

namespace Octans.Api.Intake.Keys;

/// <summary>
/// A key another system (such as FixMyStreet) sends reports with, into one area's inbox. Only its hash is kept; the key
/// is shown once, when made. A key lets its sender post reports through Open311 and read their updates, and nothing else.
/// </summary>
public sealed class IntakeKey
{
    public Guid Id { get; set; }
    public string Sender { get; set; } = "";
    public string Area { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>What the sender's reports give as their source.</summary>
    public string Source => $"Open311: {Sender}";

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

public static partial class IntakeKeys
{
    public static void ConfigureIntake(this StoreOptions options) =>
        options.Schema.For<IntakeKey>().Index(k => k.KeyHash, index => index.IsUnique = true);

    /// <summary>The key that is not revoked with this secret, or null.</summary>
    public static async Task<IntakeKey?> FindAsync(IQuerySession session, string? apiKey, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 200) return null;
        var hash = IntakeKey.Hash(apiKey.Trim());
        var key = await session.Query<IntakeKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellation);
        return key is { RevokedAt: null } ? key : null;
    }
}
