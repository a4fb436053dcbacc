using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Reports.Jobs;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Packs;

/// <summary>How a requested pack is getting on; the page refreshes itself until the pack is ready or has failed.</summary>
[Authorize(Policy = Policies.CoordinatorOrAdmin)]
public sealed class JobModel(JobStorage storage) : PageModel
{
    public PackJobStatus Status { get; private set; } = null!;
    public bool Finished => Status.State is "Succeeded" or "Failed";

    public IActionResult OnGet(string jobId)
    {
        if (PackJobs.StatusOf(storage, jobId) is not { } status) return NotFound();
        Status = status;
        ViewData["Title"] = "Producing a monthly pack";
        return Page();
    }
}
