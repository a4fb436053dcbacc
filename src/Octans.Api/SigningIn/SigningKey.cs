using System.Security.Cryptography;
using Marten;
using Microsoft.IdentityModel.Tokens;

namespace Octans.Api.SigningIn;

/// <summary>The key that signs API tokens, kept in the database so every app node shares it.</summary>
public sealed class SigningKey
{
    public const string CurrentId = "api-tokens";
    public string Id { get; set; } = CurrentId;
    public string Secret { get; set; } = "";
}

public sealed class SigningKeys(IDocumentStore store, IConfiguration configuration)
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
        var existing = await session.LoadAsync<SigningKey>(SigningKey.CurrentId, cancellation);
        if (existing is not null) return Convert.FromBase64String(existing.Secret);

        session.Insert(new SigningKey { Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            // Another node created it first; use theirs.
        }

        await using var query = store.QuerySession();
        var stored = await query.LoadAsync<SigningKey>(SigningKey.CurrentId, cancellation);
        return Convert.FromBase64String(stored!.Secret);
    }
}
