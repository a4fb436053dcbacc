using System.Net;
using System.Text.RegularExpressions;

namespace Octans.Api.SigningIn.Organisations;

/// <summary>
/// An organisation's identity provider that people may sign in with, under <c>Octans:SignIn:Providers:&lt;name&gt;</c>: a
/// council's Microsoft Entra ID, a police force's provider. Octans only asks it who someone is, by their email address;
/// what they may do in Octans is their Octans user's role and team.
/// </summary>
public sealed partial record SignInProvider(string Name, string DisplayName, Uri Authority, string ClientId, string? ClientSecret,
    IReadOnlyList<string> Scopes)
{
    public const string Section = "Octans:SignIn:Providers";

    /// <summary>The authentication scheme of the provider's OpenID Connect handler.</summary>
    public string Scheme => $"oidc-{Name}";

    /// <summary>Where the provider sends people back to, which its registration must list.</summary>
    public string CallbackPath => $"/signin-oidc-{Name}";

    /// <summary>Where the provider sends people back to after signing out there.</summary>
    public string SignedOutCallbackPath => $"/signout-callback-oidc-{Name}";

    /// <summary>The providers as configured, in the order of their names; throws, naming the setting, at the first one wrong.</summary>
    public static IReadOnlyList<SignInProvider> From(IConfiguration configuration) =>
        [.. configuration.GetSection(Section).GetChildren().OrderBy(c => c.Key, StringComparer.Ordinal).Select(Read)];

    private static SignInProvider Read(IConfigurationSection section)
    {
        var setting = $"{Section}:{section.Key}";
        if (!NameRule().IsMatch(section.Key))
            throw new InvalidOperationException(
                $"{setting}: a provider's name may hold only letters, digits and hyphens (at most 40), as it becomes part of its address /signin-oidc-<name>.");
        var name = section.Key.ToLowerInvariant();

        var displayName = section["DisplayName"]?.Trim();
        if (string.IsNullOrEmpty(displayName))
            throw new InvalidOperationException($"{setting}:DisplayName is missing: give the name people know the provider by, such as Luton Borough Council.");

        var authority = ReadAuthority(section["Authority"], $"{setting}:Authority");

        var clientId = section["ClientId"]?.Trim();
        if (string.IsNullOrEmpty(clientId))
            throw new InvalidOperationException($"{setting}:ClientId is missing: give the application (client) id the provider gave Octans when it was registered there.");

        var secret = section["ClientSecret"] is { Length: > 0 } given ? given : null;
        string[] scopes = ["openid", "email", .. (section["Scopes"] ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return new SignInProvider(name, displayName, authority, clientId, secret, [.. scopes.Distinct(StringComparer.Ordinal)]);
    }

    private static Uri ReadAuthority(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            throw new InvalidOperationException(
                $"{setting} must be the provider's address, whose /.well-known/openid-configuration describes it, such as https://login.microsoftonline.com/<tenant id>/v2.0.");
        if (authority.Scheme == "http" && !IsThisMachine(authority))
            throw new InvalidOperationException($"{setting} must be an https address: an http one is taken only for a provider on this machine, for trying it out.");
        if (authority.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase)
            && authority.Segments.ElementAtOrDefault(1)?.TrimEnd('/').ToLowerInvariant() is "common" or "organizations" or "consumers")
            throw new InvalidOperationException(
                $"{setting} must name your organisation's own Entra ID tenant (https://login.microsoftonline.com/<tenant id>/v2.0), not common, organizations or consumers, which would let any organisation's accounts in.");
        return authority;
    }

    private static bool IsThisMachine(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]
    private static partial Regex NameRule();
}
