using System.Text;
using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Octans.Api.Setup;

/// <summary>A data-protection key (it signs the sign-in cookie and form tokens), kept in the database.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// Keeps the keys that protect sign-in cookies and antiforgery tokens in PostgreSQL, so every app node reads the
/// same keys and a restart does not sign everybody out. Each key's secret part is sealed with <see cref="KeyEncryption"/>;
/// a key stored in the clear or under a previous secret is sealed again with the current one when the keys are read.
/// </summary>
public sealed class DataProtectionKeys(IDocumentStore store, KeyEncryption encryption, ILogger<DataProtectionKeys> logger) : IXmlRepository
{
    private static readonly XNamespace Ns = "http://schemas.asp.net/2015/03/dataProtection";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // ASP.NET Core reads the key ring synchronously, and rarely: it caches the keys for hours.
        using var session = store.LightweightSession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        var elements = new List<XElement>();
        var resealed = 0;
        foreach (var key in keys)
        {
            var element = XElement.Parse(key.Xml);
            if (encryption.Enabled && Reseal(element))
            {
                key.Xml = element.ToString(SaveOptions.DisableFormatting);
                session.Store(key);
                resealed++;
            }
            elements.Add(element);
        }
        if (resealed > 0)
        {
            session.SaveChangesAsync().GetAwaiter().GetResult();
            logger.LogInformation("Sealed {Count} data-protection keys with the current {Setting}", resealed, KeyEncryption.SecretSetting);
        }
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        // Stored synchronously for the same reason; a new key is made about once every 90 days.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }

    /// <summary>Seals the key's secret with the current secret where it is in the clear or sealed with another; true if it changed.</summary>
    private bool Reseal(XElement key)
    {
        var changed = false;
        foreach (var plain in key.Descendants().Where(e => (string?)e.Attribute(Ns + "requiresEncryption") == "true").ToList())
        {
            plain.ReplaceWith(new XElement(Ns + "encryptedSecret",
                new XAttribute("decryptorType", typeof(SealedKeyDecryptor).AssemblyQualifiedName!), SealedKeyEncryptor.Seal(encryption, plain)));
            changed = true;
        }
        foreach (var sealedKey in key.Descendants(SealedKeyEncryptor.Element).Where(e => !encryption.IsCurrent(e.Value)).ToList())
        {
            sealedKey.ReplaceWith(SealedKeyEncryptor.Seal(encryption, SealedKeyDecryptor.Open(encryption, sealedKey)));
            changed = true;
        }
        return changed;
    }

    public static void AddOctansDataProtection(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var encryption = KeyEncryption.From(configuration);
        services.AddSingleton(encryption);
        services.AddDataProtection().SetApplicationName("octans");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new DataProtectionKeys(provider.GetRequiredService<IDocumentStore>(), encryption,
                provider.GetRequiredService<ILogger<DataProtectionKeys>>());
            if (encryption.Enabled) options.XmlEncryptor = new SealedKeyEncryptor(encryption);
        }));
        // Checked when Octans starts serving, not when it is built, so `db-apply`, `pack` and `help` run without the secret.
        if (!encryption.Enabled) services.AddSingleton<IStartupFilter>(new WithoutKeySecret(environment.IsDevelopment()));
    }

    /// <summary>Outside Development Octans refuses to serve without the secret; in Development it says the keys are kept unencrypted.</summary>
    private sealed class WithoutKeySecret(bool development) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => !development
            ? throw new InvalidOperationException(KeyEncryption.Missing)
            : app =>
            {
                app.ApplicationServices.GetRequiredService<ILogger<DataProtectionKeys>>().LogWarning(
                    "{Setting} is not set, so the keys behind cookies and API tokens are kept unencrypted in the database. That is allowed in Development only.",
                    KeyEncryption.SecretSetting);
                next(app);
            };
    }
}

/// <summary>Seals a data-protection key's secret part with <see cref="KeyEncryption"/>.</summary>
public sealed class SealedKeyEncryptor(KeyEncryption encryption) : IXmlEncryptor
{
    public static readonly XName Element = "sealedKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(Seal(encryption, plaintextElement), typeof(SealedKeyDecryptor));

    public static XElement Seal(KeyEncryption encryption, XElement plain) =>
        new(Element, encryption.Seal(Encoding.UTF8.GetBytes(plain.ToString(SaveOptions.DisableFormatting))));
}

/// <summary>Opens what <see cref="SealedKeyEncryptor"/> sealed; data protection makes it with the app's services.</summary>
public sealed class SealedKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Open(services.GetRequiredService<KeyEncryption>(), encryptedElement);

    public static XElement Open(KeyEncryption encryption, XElement sealedKey) => XElement.Parse(Encoding.UTF8.GetString(encryption.Open(sealedKey.Value)));
}
