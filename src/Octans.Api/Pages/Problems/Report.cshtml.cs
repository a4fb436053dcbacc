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

/// <summary>The report form, the first of two steps: its answers go to <see cref="CheckReportModel"/> to check before reporting.</summary>
public sealed class ReportModel(IQuerySession session, TimeProvider clock) : PageModel
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

    /// <summary>Set by a Change link on the check-answers page: the form comes back with the answers kept.</summary>
    [BindProperty(SupportsGet = true)] public string? Change { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!WhoMay.Allows(User, typeof(ReportProblem))) return Forbid();
        await LoadChoicesAsync(cancellation);
        if (Change is not null && ReportAnswers.Peek(TempData) is { } kept) Fill(kept);
        else ReportAnswers.Forget(TempData);
        Area ??= Areas.Count == 1 ? Areas[0].Value : null;
        return Page();
    }

    /// <summary>Checks the answers as the report would, then shows them to check before anything is reported.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!WhoMay.Allows(User, typeof(ReportProblem))) return Forbid();
        await LoadChoicesAsync(cancellation);
        var answers = new ReportAnswers(Title, Statement, Category, Area, Risk, LocationDescription, Latitude, Longitude, Uprn, Usrn, Ward);
        var (request, mistakes) = answers.ToRequest();
        if (await ProblemReporting.MistakesAsync(session, User, clock, request, cancellation, mistakes) is { } refusal)
        {
            ModelState.Clear();
            ModelState.Add(refusal, WhenEmpty, Request.Form);
            return Page();
        }
        answers.Keep(TempData);
        return Redirect("/report/check");
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

    private void Fill(ReportAnswers kept) =>
        (Title, Statement, Category, Area, Risk, LocationDescription, Latitude, Longitude, Uprn, Usrn, Ward) =
        (kept.Title, kept.Statement, kept.Category, kept.Area, kept.Risk, kept.Where, kept.Latitude, kept.Longitude, kept.Uprn, kept.Usrn, kept.Ward);

    private async Task LoadChoicesAsync(CancellationToken cancellation)
    {
        Categories = [("", "Choose a category"), .. (await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => (c.Id, c.Id))];
        Areas = [.. (await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation)).Select(a => (a.Name, a.Name))];
        MapCentre = await ProblemPlaces.CentreAsync(session, Areas.Count == 1 ? Areas[0].Value : null, cancellation);
    }
}
