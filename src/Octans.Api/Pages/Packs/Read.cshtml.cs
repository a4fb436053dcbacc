using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Reports.Archive;
using Octans.Api.Reports.Producing;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Pages.Packs;

/// <summary>
/// A monthly pack as a web page, for reading on a phone: the same model the PDF is composed from, as the record stood at the
/// month's cutoff, in the same words. The PDF stays the record.
/// </summary>
public sealed class ReadModel(IQuerySession session, PackArchive archive) : PageModel
{
    public StoredPack Pack { get; private set; } = null!;
    public MonthlyPackModel Model { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        var kept = (await archive.ListAsync(null, cancellation, PackKind.Monthly)).FirstOrDefault(p => p.Id == id);
        if (kept is null || !PackMonth.TryParse(kept.Month, out var month)) return NotFound();
        Pack = kept;
        Model = await MonthlyPackHistory.AssembleAsync(session, kept.Area, month, cancellation);
        ViewData["Title"] = $"{Model.Area} progress pack, {Model.Month.Name}";
        return Page();
    }
}
