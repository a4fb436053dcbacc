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

/// <summary>A kept pack; <c>cutoff</c> is given in London time, <c>bytes</c> is the PDF's size.</summary>
public sealed record PackView(
    Guid Id, string Area, string Month, int Revision, DateTimeOffset Cutoff, string Sha256, int Pages, int Bytes,
    DateTimeOffset GeneratedAt, string PdfUrl)
{
    public static PackView Of(StoredPack pack) => new(
        pack.Id, pack.Area, pack.Month, pack.Revision, TimeZoneInfo.ConvertTime(pack.Cutoff, London.TimeZone), pack.Sha256,
        pack.Pages, pack.Bytes, pack.GeneratedAt, $"/api/reports/{pack.Id}/pdf");
}

public static class ListPacksEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [WolverineGet("/api/reports", Name = "ListMonthlyPacks")]
    [ProducesResponseType<IReadOnlyList<PackView>>(200)]
    public static async Task<IResult> Get(string? area, IQuerySession session, PackArchive archive, CancellationToken cancellation)
    {
        string? areaName = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            areaName = (await ReferenceDataLookups.FindAreaAsync(session, area, cancellation))?.Name;
            if (areaName is null)
                return Answers.Invalid("area", $"There is no area called '{area.Trim()}'. Choose one of the areas Octans knows, such as High Town.").Result();
        }
        return Results.Ok((await archive.ListAsync(areaName, cancellation)).Select(PackView.Of).ToList());
    }
}
