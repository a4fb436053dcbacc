using System.Security.Cryptography;
using Marten;
using Microsoft.IdentityModel.Tokens;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn;

/// <summary>
/// The key that signs API tokens, kept in the database so every app node shares it, sealed with <see cref="KeyEncryption"/>
/// when a secret is configured (always, outside Development).
/// </summary>
public sealed class SigningKey
{
    public const string CurrentId = "api-tokens";
    public string Id { get; set; } = CurrentId;
    public string Secret { get; set; } = "";
}

public sealed class SigningKeys(IDocumentStore store, IConfiguration configuration, KeyEncryption encryption)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey? Loaded => _key;

    public async ValueTask<SymmetricSecurityKey> GetAsync(CancellationToken cancellation)
    {
        if (_key is not null) return _key;
        await _gate.WaitAsync(cancellation);
        try
        {
            return _key ??= new SymmetricSecurityKey(await LoadSecretAsync(cancellation)) { KeyId = SigningKey.CurrentId };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadSecretAsync(CancellationToken cancellation)
    {
        if (configuration["Octans:Auth:SigningKey"] is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            if (bytes.Length < 32) throw new InvalidOperationException("Octans:Auth:SigningKey must be at least 32 bytes, base64-encoded.");
            return bytes;
        }

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SigningKey>(SigningKey.CurrentId, cancellation) is not { } existing)
        {
            session.Insert(new SigningKey { Secret = Stored(RandomNumberGenerator.GetBytes(32)) });
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                // Another node created it first; use theirs.
            }
            await using var query = store.QuerySession();
            existing = (await query.LoadAsync<SigningKey>(SigningKey.CurrentId, cancellation))!;
        }

        var secret = KeyEncryption.IsSealed(existing.Secret) ? encryption.Open(existing.Secret) : Convert.FromBase64String(existing.Secret);
        if (encryption.Enabled && !encryption.IsCurrent(existing.Secret))
        {
            // Kept in the clear before a secret was configured, or sealed with the secret before a rotation.
            existing.Secret = encryption.Seal(secret);
            await using var update = store.LightweightSession();
            update.Store(existing);
            await update.SaveChangesAsync(cancellation);
        }
        return secret;
    }

    private string Stored(byte[] secret) => encryption.Enabled ? encryption.Seal(secret) : Convert.ToBase64String(secret);
}
