using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Inbox.Taking;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Inbox;

/// <summary>A report taken by a member of staff, by phone or on patrol, into an area's inbox.</summary>
public sealed class TakeModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty(Name = "location.description")] public string? LocationDescription { get; set; }
    [BindProperty(Name = "location.latitude")] public string? Latitude { get; set; }
    [BindProperty(Name = "location.longitude")] public string? Longitude { get; set; }

    public IReadOnlyList<(string Value, string Text)> Categories { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator) && !User.Is(Role.TeamMember)) return Forbid();
        await LoadChoicesAsync(cancellation);
        Area ??= Areas.Count == 1 ? Areas[0].Value : null;
        Source ??= nameof(TakenBy.Phone);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!User.Is(Role.Coordinator) && !User.Is(Role.TeamMember)) return Forbid();
        await LoadChoicesAsync(cancellation);
        var latitude = Number(Latitude, "location.latitude", "Enter the latitude as a number, like 51.8853");
        var longitude = Number(Longitude, "location.longitude", "Enter the longitude as a number, like -0.4151");
        if (!ModelState.IsValid) return Page();
        var (taken, refusal) = await ReportTaking.TakeAsync(store, User, clock,
            new TakeReportRequest(Area, Category, Description, new LocationRequest(LocationDescription, latitude, longitude, null, null, null), Source), cancellation);
        if (taken is null)
        {
            ModelState.Add(refusal!, new Dictionary<string, string>
            {
                ["source"] = "Select how it was reported", ["area"] = "Select the area", ["category"] = "Select the category",
                ["description"] = "Enter what was reported", ["location.description"] = "Enter where it is",
            }, Request.Form);
            return Page();
        }
        TempData["Done"] = "The report is in the inbox.";
        return Redirect(User.Is(Role.Coordinator) ? $"/inbox/{taken.Id}" : "/inbox/take");
    }

    private double? Number(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        ModelState.AddModelError(field, message);
        return null;
    }

    private async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Take a report";
        Categories = [("", "Choose a category"), .. (await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => (c.Id, c.Id))];
        Areas = [.. (await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation)).Select(a => (a.Name, a.Name))];
    }
}
