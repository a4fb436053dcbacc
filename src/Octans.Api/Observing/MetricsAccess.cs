using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Octans.Api.SigningIn;
using IPNetwork = System.Net.IPNetwork;

namespace Octans.Api.Observing;

/// <summary>
/// Who may read <c>/metrics</c>: the scrapers at the addresses or networks in <see cref="ScrapersSetting"/>, and an
/// administrator's API token. Anyone else gets the 404 of a page that does not exist, so the measures, and even that
/// they are there, stay between the partnership's operators and Octans.
/// </summary>
public sealed class MetricsAccess(RequestDelegate next, IReadOnlyList<IPNetwork> scrapers)
{
    public const string ScrapersSetting = "Octans:Metrics:Scrapers";

    public async Task InvokeAsync(HttpContext context)
    {
        if (await MayReadAsync(context))
            await next(context);
        else
            context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task<bool> MayReadAsync(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is { } address && scrapers.Any(network => network.Contains(Plain(address))))
            return true;
        // /metrics is not under /api, so the default scheme would look for a page's cookie; a scraper sends a token.
        var token = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        return token.Succeeded && token.Principal.IsInRole(nameof(Role.Admin));
    }

    private static IPAddress Plain(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
