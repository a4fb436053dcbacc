using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
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
/// same keys and a restart does not sign everybody out.
/// </summary>
public sealed class DataProtectionKeys(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // ASP.NET Core reads the key ring synchronously, and rarely: it caches the keys for hours.
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        // Stored synchronously for the same reason; a new key is made about once every 90 days.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }

    public static void AddOctansDataProtection(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("octans");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DataProtectionKeys(provider.GetRequiredService<IDocumentStore>())));
    }
}
