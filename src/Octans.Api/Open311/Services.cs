using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Octans.Api.ReferenceData;
using Wolverine.Http;

namespace Octans.Api.Open311;

/// <summary>Open311's discovery and its services: one service per category, its code made from the category's name so it stays the same.</summary>
public static class Open311Services
{
    public const string Base = "/open311/v2";

    /// <summary>"Fly-tipping" is fly-tipping, "Derelict site or building" derelict-site-or-building.</summary>
    public static string Code(string category)
    {
        var code = new StringBuilder();
        foreach (var c in category.Trim().ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) code.Append(c);
            else if (code.Length > 0 && code[^1] != '-') code.Append('-');
        return code.ToString().TrimEnd('-');
    }

    public static async Task<IReadOnlyList<string>> CategoriesAsync(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<Category>().ToListAsync(cancellation)).Select(c => c.Id).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The category a service code stands for, or null.</summary>
    public static async Task<string?> CategoryAsync(IQuerySession session, string? code, CancellationToken cancellation) =>
        string.IsNullOrWhiteSpace(code) ? null
        : (await CategoriesAsync(session, cancellation)).FirstOrDefault(c => Code(c) == code.Trim().ToLowerInvariant());

    [AllowAnonymous]
    [WolverineGet("/open311/v2/discovery.{format}", Name = "Open311Discovery")]
    [Tags("Open311")]
    public static IResult Discovery(string format, HttpRequest request)
    {
        if (!GeoReport.IsFormat(format)) return GeoReport.Error("xml", 404, "Ask for discovery.xml or discovery.json.");
        IReadOnlyList<IReadOnlyList<Field>> endpoints =
        [[
            new("specification", "http://wiki.open311.org/GeoReport_v2"),
            new("url", $"{request.Scheme}://{request.Host}{Base}"),
            new("changeset", "2026-12-01T00:00:00Z"),
            new("type", "production"),
            new("formats", new[] { "text/xml", "application/json" }),
        ]];
        return GeoReport.Object(format, "discovery",
            [new("changeset", "2026-12-01T00:00:00Z"), new("contact", "The partnership's Octans administrator"),
             new("key_service", "Ask the partnership's Octans administrator for a key."), new("endpoints", endpoints)]);
    }

    [AllowAnonymous]
    [WolverineGet("/open311/v2/services.{format}", Name = "Open311Services")]
    [Tags("Open311")]
    public static async Task<IResult> Services(string format, IQuerySession session, CancellationToken cancellation)
    {
        if (!GeoReport.IsFormat(format)) return GeoReport.Error("xml", 404, "Ask for services.xml or services.json.");
        var categories = await CategoriesAsync(session, cancellation);
        return GeoReport.List(format, "services", "service", categories.Select(c => (IReadOnlyList<Field>)
            [new("service_code", Code(c)), new("service_name", c), new("description", c), new("metadata", false), new("type", "realtime"),
             new("keywords", ""), new("group", "Octans")]));
    }
}
