using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Api.Reports.Archive;
using Wolverine.Http;

namespace Octans.Api.Reports.Downloading;

public static class DownloadPackEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [WolverineGet("/api/reports/{id}/pdf", Name = "DownloadMonthlyPack")]
    [Produces("application/pdf")]
    public static async Task<IResult> Get(Guid id, PackArchive archive, HttpResponse response, CancellationToken cancellation)
    {
        if (await archive.ReadPdfAsync(id, cancellation) is not var (pack, pdf))
            return Results.Problem(statusCode: 404, title: "Not found",
                detail: "There is no pack with that id. GET /api/reports lists the packs that have been produced.");

        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(pack)}\"";
        return Results.Bytes(pdf, "application/pdf");
    }

    /// <summary>"octans-high-town-2026-10.pdf"; a later revision says so, so two downloads never share a name.</summary>
    public static string FileName(StoredPack pack)
    {
        var slug = new StringBuilder();
        foreach (var c in pack.Area.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var area = slug.ToString().Trim('-');
        return pack.Revision == 1 ? $"octans-{area}-{pack.Month}.pdf" : $"octans-{area}-{pack.Month}-revision-{pack.Revision}.pdf";
    }
}
