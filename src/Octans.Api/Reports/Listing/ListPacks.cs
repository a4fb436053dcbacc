using System.Text.Json.Serialization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Archive;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Reports.Listing;

/// <summary>
/// A kept pack; <c>cutoff</c> is given in London time, <c>bytes</c> is the PDF's size. A monthly pack has its <c>month</c>,
/// a Pathways pack its <c>quarter</c>.
/// </summary>
public sealed record PackView(
    Guid Id, string Area, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Month, int Revision,
    DateTimeOffset Cutoff, string Sha256, int Pages, int Bytes, DateTimeOffset GeneratedAt, string PdfUrl, PackKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Quarter = null)
{
    public static PackView Of(StoredPack pack) => new(
        pack.Id, pack.Area, pack.Kind == PackKind.Monthly ? pack.Month : null, pack.Revision, TimeZoneInfo.ConvertTime(pack.Cutoff, London.TimeZone),
        pack.Sha256, pack.Pages, pack.Bytes, pack.GeneratedAt, $"/api/reports/{pack.Id}/pdf", pack.Kind,
        pack.Kind == PackKind.Pathways ? pack.Month : null);
}

public static class ListPacksEndpoint
{
    /// <summary>The kept packs of one kind, Monthly (the default) or Pathways, for one area or all of them.</summary>
    [Authorize(Policy = Policies.SignedIn)]
    [WolverineGet("/api/reports", Name = "ListMonthlyPacks")]
    [ProducesResponseType<IReadOnlyList<PackView>>(200)]
    public static async Task<IResult> Get(string? area, string? kind, IQuerySession session, PackArchive archive, CancellationToken cancellation)
    {
        var packKind = PackKind.Monthly;
        if (!string.IsNullOrWhiteSpace(kind) && !Enum.TryParse(kind.Trim(), ignoreCase: true, out packKind) || !Enum.IsDefined(packKind))
            return Answers.Invalid("kind", "Choose the kind of pack: Monthly or Pathways.").Result();
        string? areaName = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            areaName = (await ReferenceDataLookups.FindAreaAsync(session, area, cancellation))?.Name;
            if (areaName is null)
                return Answers.Invalid("area", $"There is no area called '{area.Trim()}'. Choose one of the areas Octans knows, such as High Town.").Result();
        }
        return Results.Ok((await archive.ListAsync(areaName, cancellation, packKind)).Select(PackView.Of).ToList());
    }
}
