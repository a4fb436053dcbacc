using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Reports.Archive;

namespace Octans.Api.Pages.Packs;

/// <summary>A pack's PDF for anyone signed in to the pages; the API has its own route for tokens.</summary>
public sealed class DownloadModel(PackArchive archive) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation) =>
        await archive.ReadPdfAsync(id, cancellation) is var (pack, pdf)
            ? File(pdf, "application/pdf", pack.FileName)
            : NotFound();
}
