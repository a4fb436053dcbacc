using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Octans.Api.Setup;

/// <summary>
/// How Octans sits behind its proxies: the client's address, scheme and host are taken from X-Forwarded-* only when the
/// request comes from an address in Octans:Proxies; outside Development plain http is redirected to HTTPS (but for the
/// health checks), browsers are told to use HTTPS only, and every cookie is Secure.
/// </summary>
public static class OctansTransport
{
    public const string ProxiesSetting = "Octans:Proxies";

    public static void AddOctansTransport(this WebApplicationBuilder builder)
    {
        var proxies = Proxies(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Each hop is read while it comes from a listed proxy, and no further: a client cannot add hops of its own.
            options.ForwardLimit = null;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in proxies) options.KnownIPNetworks.Add(network);
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddHttpsRedirection(https => https.HttpsPort = builder.Configuration.GetValue<int?>("HTTPS_PORT") ?? 443);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurity(builder.Environment);
        });
    }

    public static void UseOctansTransport(this WebApplication app)
    {
        // With no proxy listed the middleware would trust every sender, so it is left out and X-Forwarded-* ignored.
        if (Proxies(app.Configuration).Count > 0) app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment()) return;
        app.UseHsts();
        // Cookies and forms need HTTPS, so plain http is sent there; the health checks stay on http for the probes that call them directly.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), https => https.UseHttpsRedirection());
    }

    /// <summary>Secure always outside Development; there the cookies also work over plain http://localhost.</summary>
    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>The proxies' addresses or networks, as a list or comma-separated: <c>10.0.0.5, 10.1.0.0/16</c>.</summary>
    public static IReadOnlyList<IPNetwork> Proxies(IConfiguration configuration) => Networks(configuration, ProxiesSetting);

    /// <summary>Addresses or networks in a setting, as a list or comma-separated; anything else stops Octans at start.</summary>
    public static IReadOnlyList<IPNetwork> Networks(IConfiguration configuration, string setting)
    {
        var section = configuration.GetSection(setting);
        var entries = (section.Value is { } list ? list.Split(',') : section.GetChildren().Select(child => child.Value ?? ""))
            .Select(entry => entry.Trim())
            .Where(entry => entry.Length > 0);
        return entries.Select(entry =>
            IPNetwork.TryParse(entry, out var network) ? network
            : IPAddress.TryParse(entry, out var address) ? new IPNetwork(address, address.GetAddressBytes().Length * 8)
            : throw new InvalidOperationException(
                $"{setting} holds '{entry}', which is neither an address nor a network. List them as addresses or networks, such as 10.0.0.5, 10.1.0.0/16.")).ToList();
    }
}
