using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Inbox;
using Octans.Api.Inbox.Attaching;
using Octans.Api.Inbox.Promoting;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Inbox;

/// <summary>One report in the inbox: attach it to a problem near it (or any, by reference), make it a new problem, or dismiss it.</summary>
public sealed class ReportModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? ProblemId { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Risk { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public InboxItem? Report { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator)) return Forbid();
        return await LoadAsync(id, cancellation) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator)) return Forbid();
        if (!await LoadAsync(id, cancellation)) return NotFound();
        var chosen = Guid.TryParse(ProblemId, out var near) ? near
            : string.IsNullOrWhiteSpace(Reference) ? null : await ProblemRows.FindByReferenceAsync(session, Reference, cancellation);
        // A recurrence changes nothing another coordinator may be changing on the problem, so it goes on its latest version.
        if (chosen is not { } problem || await ProblemRows.VersionAsync(session, problem, cancellation) is not { } version)
        {
            ModelState.AddModelError(string.IsNullOrWhiteSpace(Reference) ? "problemId" : "reference",
                string.IsNullOrWhiteSpace(Reference) ? "Choose a problem near the report, or enter a problem’s reference." : $"There is no problem with the reference {Reference}.");
            return Page();
        }
        var outcome = await ReportAttaching.AttachAsync(store, User, clock, id, problem, version, cancellation);
        if (!outcome.Accepted)
        {
            ModelState.Add(outcome);
            return Page();
        }
        TempData["Done"] = "The report was attached to the problem as a recurrence.";
        return Redirect($"/problems/{problem}");
    }

    public async Task<IActionResult> OnPostPromoteAsync(Guid id, CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator)) return Forbid();
        if (!await LoadAsync(id, cancellation)) return NotFound();
        var (created, refusal) = await ReportPromoting.PromoteAsync(store, User, clock, id, new PromoteReportRequest(Title, Category, Risk), cancellation);
        if (created is null)
        {
            ModelState.Add(refusal!, new Dictionary<string, string>
            {
                ["title"] = "Enter the title", ["category"] = "Select the category", ["risk"] = "Select the risk",
            }, Request.Form);
            return Page();
        }
        TempData["Done"] = $"{created.Reference} was made from the report. Plan its first actions and agree its exit criteria.";
        return Redirect($"/problems/{created.Id}");
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid id, CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator)) return Forbid();
        if (!await LoadAsync(id, cancellation)) return NotFound();
        var refusal = await InboxChanges.DecideAsync(store, User, id,
            report => InboxDecisions.Decide(report, new DismissReport(Reason), User.Actor(), clock.GetUtcNow()), cancellation);
        if (refusal is not null)
        {
            ModelState.Add(refusal, new Dictionary<string, string> { ["reason"] = "Enter the reason" }, Request.Form);
            return Page();
        }
        TempData["Done"] = "The report was dismissed.";
        return Redirect("/inbox");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellation)
    {
        Report = await InboxReports.ReadAsync(session, id, cancellation);
        Categories = [("", "Choose a category"), .. (await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => (c.Id, c.Id))];
        Category ??= Report?.Category;
        ViewData["Title"] = "A report in the inbox";
        return Report is not null;
    }
}
