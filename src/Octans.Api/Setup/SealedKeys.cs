using System.Xml.Linq;
using Marten;
using Octans.Api.SigningIn;

namespace Octans.Api.Setup;

/// <summary>The keys Octans keeps sealed in its database: the data-protection keys and the key that signs API tokens.</summary>
public static class SealedKeys
{
    /// <summary>The ids of the secrets that sealed the stored keys and that <paramref name="encryption"/> lacks; empty when it opens them all.</summary>
    public static async Task<IReadOnlyList<string>> LackingAsync(IDocumentStore store, KeyEncryption encryption, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var stored = (await session.Query<DataProtectionKey>().ToListAsync(cancellation))
            .SelectMany(key => XElement.Parse(key.Xml).Descendants(SealedKeyEncryptor.Element).Select(sealedKey => sealedKey.Value)).ToList();
        if (await session.LoadAsync<SigningKey>(SigningKey.CurrentId, cancellation) is { } signing) stored.Add(signing.Secret);
        return encryption.Lacking(stored);
    }
}
