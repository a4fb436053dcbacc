using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Meetings;
using Octans.Api.Meetings.GettingDetails;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Meetings;

/// <summary>
/// A meeting's agenda, on one page: a coordinator records each decision (RAG, decision, next review) as the room makes
/// it, and adds or drops items before.
/// </summary>
public sealed class MeetingModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid? ProblemId { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Rag { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? NextReviewOn { get; set; }
    [BindProperty] public string? Reference { get; set; }

    public MeetingView Meeting { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, int> Versions { get; private set; } = new Dictionary<Guid, int>();
    public bool MayChange => User.Is(Role.Coordinator);
    public bool DayHasCome { get; private set; }

    /// <summary>The next reviews a decision usually sets, from the day of the meeting.</summary>
    public IReadOnlyList<(string Value, string Text)> NextReviews =>
    [
        (Day(Meeting.HeldOn.AddMonths(1)), $"In a month ({Text(Meeting.HeldOn.AddMonths(1))})"),
        (Day(Meeting.HeldOn.AddMonths(3)), $"In three months ({Text(Meeting.HeldOn.AddMonths(3))})"),
        (Day(Meeting.HeldOn.AddMonths(6)), $"In six months ({Text(Meeting.HeldOn.AddMonths(6))})"),
        ("", "No next review"),
    ];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation) =>
        await LoadAsync(id, cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDecideAsync(Guid id, CancellationToken cancellation)
    {
        if (!MayChange) return Forbid();
        var outcome = await MeetingChanges.DecideAsync(store, User, clock, id,
            new RecordDecisionRequest(ProblemId, Version, Rag, Decision, NextReviewOn), cancellation);
        if (!outcome.Accepted)
        {
            ModelState.Add(outcome);
            return await LoadAsync(id, cancellation) ? Page() : NotFound();
        }
        TempData["Done"] = "The decision was recorded, and reviewed on the problem.";
        return Redirect($"/meetings/{id}#agenda");
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellation)
    {
        if (!MayChange) return Forbid();
        var problem = string.IsNullOrWhiteSpace(Reference) ? null : await ProblemRows.FindByReferenceAsync(session, Reference.Trim(), cancellation);
        if (problem is null)
        {
            ModelState.AddModelError("reference", string.IsNullOrWhiteSpace(Reference)
                ? "Enter the reference of the problem to add, for example HT-0007." : $"There is no problem with the reference {Reference}.");
            return await LoadAsync(id, cancellation) ? Page() : NotFound();
        }
        return await ChangedAsync(id, await MeetingChanges.AddAsync(store, User, clock, id, problem, cancellation), "reference",
            "The problem was added to the agenda.", cancellation);
    }

    public async Task<IActionResult> OnPostDropAsync(Guid id, CancellationToken cancellation)
    {
        if (!MayChange) return Forbid();
        return await ChangedAsync(id, await MeetingChanges.DropAsync(store, User, clock, id, ProblemId, cancellation), null,
            "The problem was dropped from the agenda.", cancellation);
    }

    public bool IsPosted(Guid problemId) => ProblemId == problemId && !ModelState.IsValid;

    private async Task<IActionResult> ChangedAsync(Guid id, ProblemDetails? refusal, string? field, string done, CancellationToken cancellation)
    {
        if (refusal is null)
        {
            TempData["Done"] = done;
            return Redirect($"/meetings/{id}#agenda");
        }
        if (field is not null && (refusal as HttpValidationProblemDetails)?.Errors is { Count: > 0 } errors)
            foreach (var message in errors.Values.SelectMany(m => m)) ModelState.AddModelError(field, message);
        else ModelState.AddModelError("", refusal.Detail ?? "That could not be done.");
        return await LoadAsync(id, cancellation) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellation)
    {
        if (await MeetingView.ReadAsync(session, id, WhoMay.ReaderOf(User), cancellation) is not { } meeting) return false;
        Meeting = meeting;
        ViewData["Title"] = $"{meeting.Area} {meeting.Kind} meeting";
        DayHasCome = meeting.HeldOn <= London.Today(clock.GetUtcNow());
        var versions = new Dictionary<Guid, int>();
        foreach (var item in meeting.Items.Where(i => !i.Decided))
            if (await ProblemRows.VersionAsync(session, item.ProblemId, cancellation) is { } version) versions[item.ProblemId] = version;
        Versions = versions;
        return true;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateOnly day) => London.Written(day);
}
