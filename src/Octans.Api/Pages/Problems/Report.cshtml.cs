using System.Globalization;
using Marten;
using Octans.Api.Places;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

public sealed class ReportModel(IQuerySession session, IDocumentStore store, TimeProvider clock) : PageModel
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
    public (double Latitude, double Longitude) MapCentre { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!WhoMay.Allows(User, typeof(ReportProblem))) return Forbid();
        await LoadChoicesAsync(cancellation);
        Area ??= Areas.Count == 1 ? Areas[0].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!WhoMay.Allows(User, typeof(ReportProblem))) return Forbid();
        await LoadChoicesAsync(cancellation);
        var latitude = Number(Latitude, "location.latitude", "Enter the latitude as a number, like 51.8853");
        var longitude = Number(Longitude, "location.longitude", "Enter the longitude as a number, like -0.4151");
        var request = new ReportProblemRequest(Title, Statement, Category, Area, Risk,
            new LocationRequest(LocationDescription, latitude, longitude, Blank(Uprn), Blank(Usrn), Blank(Ward)));

        var mistakes = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => new FieldError(e.Key, e.Value!.Errors[0].ErrorMessage)).ToArray();
        var (created, refusal) = await ProblemReporting.ReportAsync(store, User, clock, request, cancellation, mistakes);
        if (created is null)
        {
            ModelState.Clear();
            ModelState.Add(refusal!, WhenEmpty, Request.Form);
            return Page();
        }
        TempData["Done"] = $"{created.Reference} was reported. Plan its first actions and agree its exit criteria.";
        return Redirect($"/problems/{created.Id}");
    }

    private static readonly Dictionary<string, string> WhenEmpty = new()
    {
        ["title"] = "Enter the title",
        ["statement"] = "Enter the problem statement",
        ["category"] = "Select the category",
        ["area"] = "Select the area",
        ["risk"] = "Select the risk",
        ["location.description"] = "Enter where it is",
    };

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
        MapCentre = await ProblemPlaces.CentreAsync(session, Areas.Count == 1 ? Areas[0].Value : null, cancellation);
    }
}
