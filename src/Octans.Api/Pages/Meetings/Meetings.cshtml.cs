using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Meetings;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Meetings;

/// <summary>An area's meetings, and a coordinator making the next one.</summary>
public sealed class MeetingsModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty(Name = "heldOn-day")] public string? HeldOnDay { get; set; }
    [BindProperty(Name = "heldOn-month")] public string? HeldOnMonth { get; set; }
    [BindProperty(Name = "heldOn-year")] public string? HeldOnYear { get; set; }

    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];
    public IReadOnlyList<(string, string)> Areas { get; private set; } = [];
    public bool MayMake => User.Is(Role.Coordinator);

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!MayMake) return Forbid();
        var heldOn = DateInput.Read(HeldOnDay, HeldOnMonth, HeldOnYear, out var real);
        if (!real)
        {
            ModelState.AddModelError("heldOn", DateInput.NotReal);
            await LoadAsync(cancellation);
            return Page();
        }
        var (id, refusal) = await MeetingChanges.ArrangeAsync(store, User, clock,
            new ArrangeMeetingRequest(Area, Kind, heldOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), cancellation);
        if (id is not { } made)
        {
            var whenEmpty = new Dictionary<string, string> { ["area"] = "Select the area", ["kind"] = "Select the kind of meeting" };
            // The three boxes were all left empty: the form has no single "heldOn" answer to look at.
            if (heldOn is null) whenEmpty["heldOn"] = "Enter the date of the meeting";
            ModelState.Add(refusal!, whenEmpty, Request.Form);
            await LoadAsync(cancellation);
            return Page();
        }
        TempData["Done"] = "The meeting was made, with its agenda built from the record. Add or drop items before the day.";
        return Redirect($"/meetings/{made}");
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Meetings";
        var areas = await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation);
        Areas = [.. areas.Select(a => (a.Name, a.Name))];
        var area = await ReferenceDataLookups.FindAreaAsync(session, Area, cancellation) ?? areas.FirstOrDefault();
        Area = area?.Name;
        Meetings = await MeetingRows.ListAsync(session, Area, cancellation);
        if (HeldOnDay is null && HeldOnMonth is null && HeldOnYear is null)
        {
            var today = Octans.Domain.London.Today(clock.GetUtcNow());
            (HeldOnDay, HeldOnMonth, HeldOnYear) = ($"{today.Day}", $"{today.Month}", $"{today.Year}");
        }
    }
}
