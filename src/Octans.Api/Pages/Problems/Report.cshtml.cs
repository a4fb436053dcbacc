using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

[Authorize(Policy = Policies.Coordinator)]
public sealed class ReportModel(IDocumentSession session, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Statement { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Risk { get; set; }
    [BindProperty(Name = "location.description")] public string? LocationDescription { get; set; }
    [BindProperty(Name = "location.latitude")] public string? Latitude { get; set; }
    [BindProperty(Name = "location.longitude")] public string? Longitude { get; set; }
    [BindProperty(Name = "location.uprn")] public string? Uprn { get; set; }
    [BindProperty(Name = "location.usrn")] public string? Usrn { get; set; }
    [BindProperty(Name = "location.ward")] public string? Ward { get; set; }

    public IReadOnlyList<(string Value, string Text)> Categories { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Areas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await LoadChoicesAsync(cancellation);
        Area ??= Areas.Count == 1 ? Areas[0].Value : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        await LoadChoicesAsync(cancellation);
        var latitude = Number(Latitude, "location.latitude", "Enter the latitude as a number, like 51.8853");
        var longitude = Number(Longitude, "location.longitude", "Enter the longitude as a number, like -0.4151");
        var request = new ReportProblemRequest(Title, Statement, Category, Area, Risk,
            new LocationRequest(LocationDescription, latitude, longitude, Blank(Uprn), Blank(Usrn), Blank(Ward)));

        var now = clock.GetUtcNow();
        var (area, errors) = await ProblemReporting.CheckAsync(request, session, User.Actor(), now, cancellation);
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                if (ModelState.ErrorFor(field) is null) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();

        var (id, reference, events) = await ProblemReporting.DecideAsync(request, area!, session, User.Actor(), now, cancellation);
        session.Events.StartStream<Problem>(id, [.. events]);
        await session.SaveChangesAsync(cancellation);
        TempData["Done"] = $"{reference} was reported. Plan its first actions and agree its exit criteria.";
        return Redirect($"/problems/{id}");
    }

    private double? Number(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        ModelState.AddModelError(field, message);
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        Categories = [("", "Choose a category"), .. (await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => (c.Id, c.Id))];
        Areas = [.. (await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation)).Select(a => (a.Name, a.Name))];
    }
}
