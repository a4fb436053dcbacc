using Marten;
using Octans.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Meetings.GettingDetails;
using Octans.Api.Meetings.Minutes;

namespace Octans.Api.Pages.Meetings;

/// <summary>A meeting's minutes: its decisions in agenda order, as a page and as a PDF.</summary>
public sealed class MinutesModel(IQuerySession session) : PageModel
{
    public MeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (await MeetingView.ReadAsync(session, id, WhoMay.ReaderOf(User), cancellation) is not { } meeting) return NotFound();
        Meeting = meeting;
        ViewData["Title"] = $"Minutes of the {meeting.Area} {meeting.Kind} meeting";
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellation) =>
        await MeetingMinutes.RenderAsync(session, id, WhoMay.ReaderOf(User), cancellation) is var (pdf, name) ? File(pdf, "application/pdf", name) : NotFound();
}
