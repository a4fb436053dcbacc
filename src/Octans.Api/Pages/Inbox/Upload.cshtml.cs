using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Inbox.Uploading;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Inbox;

/// <summary>A CSV file of reports into an area's inbox, with what became of each row that was not taken.</summary>
[RequestSizeLimit(ReportUploading.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportUploading.MaxBytes + 64 * 1024)]
public sealed class UploadModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Area { get; set; }
    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }

    public UploadAnswer? Answer { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator)) return Forbid();
        await LoadChoicesAsync(cancellation);
        Area ??= Areas.Count == 1 ? Areas[0].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator)) return Forbid();
        await LoadChoicesAsync(cancellation);
        if (Upload is not { Length: > 0 } file)
        {
            ModelState.AddModelError("file", "Choose a CSV file of reports.");
            return Page();
        }
        if (file.Length > ReportUploading.MaxBytes)
        {
            ModelState.AddModelError("file", "The file is too large: send at most 20 MB, or split it.");
            return Page();
        }
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes, cancellation);
        var (answer, refusal) = await ReportUploading.UploadAsync(store, User, clock, Area, bytes.ToArray(), cancellation);
        if (answer is null) ModelState.Add((refusal as HttpValidationProblemDetails)?.Errors ?? new Dictionary<string, string[]>(), refusal!.Detail);
        Answer = answer;
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Upload a file of reports";
        Areas = [.. (await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation)).Select(a => (a.Name, a.Name))];
    }
}
