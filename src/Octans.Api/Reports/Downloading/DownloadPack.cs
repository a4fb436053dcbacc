using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
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
            return Answers.NotFound("There is no pack with that id. GET /api/reports lists the packs that have been produced.").Result();

        response.Headers.ContentDisposition = $"attachment; filename=\"{pack.FileName}\"";
        return Results.Bytes(pdf, "application/pdf");
    }
}

