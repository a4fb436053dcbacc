using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Problems.Reporting;
using Octans.Api.Problems;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>
/// The GOV.UK "Check your answers" page between the report form and the report: each answer with a Change link back to
/// the form, which comes back filled in, and the one button that reports the problem.
/// </summary>
public sealed class CheckReportModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public ReportAnswers Answers { get; private set; } = null!;

    public IActionResult OnGet()
    {
        if (!WhoMay.Allows(User, typeof(ReportProblem))) return Forbid();
        if (ReportAnswers.Peek(TempData) is not { } answers) return Redirect("/report");
        Answers = answers;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!WhoMay.Allows(User, typeof(ReportProblem))) return Forbid();
        if (ReportAnswers.Peek(TempData) is not { } answers) return Redirect("/report");
        Answers = answers;
        var (request, mistakes) = answers.ToRequest();
        var (created, refusal) = await ProblemReporting.ReportAsync(store, User, clock, request, cancellation, mistakes);
        if (created is null)
        {
            // Something changed since the answers were checked, such as a category an administrator removed.
            ModelState.Add((refusal as HttpValidationProblemDetails)?.Errors ?? new Dictionary<string, string[]>(), refusal!.Detail);
            return Page();
        }
        ReportAnswers.Forget(TempData);
        TempData["Done"] = $"{created.Reference} was reported. Plan its first actions and agree its exit criteria.";
        return Redirect($"/problems/{created.Id}");
    }

    /// <summary>The rows of the summary: the form's field (for its Change link and error), its question and the answer.</summary>
    public IReadOnlyList<(string Field, string Question, string Answer)> Rows =>
    [
        ("title", "Title", Answers.Title ?? ""),
        ("statement", "Problem statement", Answers.Statement ?? ""),
        ("category", "Category", Answers.Category ?? ""),
        ("area", "Area", Answers.Area ?? ""),
        ("risk", "Risk", Answers.Risk ?? ""),
        ("location.description", "Where is it", Answers.Where ?? ""),
        ("location.latitude", "Map pin", ReportAnswers.Blank(Answers.Latitude) is { } latitude && ReportAnswers.Blank(Answers.Longitude) is { } longitude
            ? $"Latitude {latitude}, longitude {longitude}" : "No pin"),
        ("location.uprn", "UPRN", ReportAnswers.Blank(Answers.Uprn) ?? "Not given"),
        ("location.usrn", "USRN", ReportAnswers.Blank(Answers.Usrn) ?? "Not given"),
        ("location.ward", "Ward", ReportAnswers.Blank(Answers.Ward) ?? "Not given"),
    ];
}
