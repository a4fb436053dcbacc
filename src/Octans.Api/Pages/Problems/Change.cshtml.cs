using Marten;
using Octans.Api.Places;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Photos;
using Octans.Api.Problems;
using Octans.Api.Problems.Photos;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>Every change to a problem, one per page: /problems/{id}/{change} and /problems/{id}/actions/{actionId}/{change}.</summary>
public sealed class ChangeModel(IQuerySession query, IDocumentStore store, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ActionId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CriterionId { get; set; }
    [BindProperty(SupportsGet = true)] public string Change { get; set; } = "";
    [BindProperty] public int Version { get; set; }

    public ChangeForm Form { get; private set; } = null!;
    public Problem Problem { get; private set; } = null!;
    public ProblemAction? Action { get; private set; }
    public ExitCriterion? Criterion { get; private set; }
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public ChangeContext Context { get; private set; } = null!;
    public bool Conflicted { get; private set; }

    /// <summary>After a conflict: what changed since the page was loaded that this change depends on, in the users' words.</summary>
    public IReadOnlyList<string> ChangedSince { get; private set; } = [];
    public (double Latitude, double Longitude) MapCentre { get; private set; }
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is { } stop) return stop;
        Version = Problem.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (await LoadAsync(cancellation) is { } stop) return stop;

        Guid? duplicateOf = null;
        if (Form.Key == "close" && Request.Form["duplicateOf"].ToString().Trim() is { Length: > 0 } reference)
        {
            duplicateOf = await ProblemRows.FindByReferenceAsync(query, reference, cancellation);
            if (duplicateOf is null)
            {
                ModelState.AddModelError("duplicateOf", $"There is no problem with the reference {reference}.");
                return Page();
            }
        }

        var context = ContextFor(Problem);
        context.DuplicateOf = duplicateOf;
        ChangeOutcome outcome;
        IProblemCommand? command = null;
        if (Form.TakesPhoto)
        {
            var photo = await ReadPhotoAsync(cancellation);
            outcome = (await ProblemPhotos.AddAsync(store, User, clock, Id, Version, photo, photoId =>
            {
                context.PhotoId = photoId;
                return command = Form.Build(context);
            }, cancellation, fromPage: true)).Outcome;
        }
        else
        {
            command = Form.Build(context);
            // A date that does not exist says so, rather than the domain's "enter the date".
            var mistakes = context.Errors.Select(e => new FieldError(e.Key, e.Value)).ToArray();
            outcome = await ProblemChanges.ApplyFromPageAsync(store, User, clock, Id, Version, command, null, cancellation, mistakes);
        }
        switch (outcome.Status)
        {
            case 200:
                await using (var read = store.QuerySession())
                {
                    var after = await read.LoadAsync<Problem>(Id, cancellation);
                    TempData["Done"] = after is null ? $"{Problem.Reference} changed"
                        : ChangeConfirmations.Of(command!, after, team => Teams.FirstOrDefault(t => t.Id == team)?.Name ?? "an unknown team");
                }
                return Redirect($"/problems/{Id}");
            case 403:
                return Forbid();
            case 404:
                return NotFound();
            case 409:
                Conflicted = true;
                Problem = outcome.Problem!;
                Action = ActionId is { } id ? Problem.FindAction(id) : null;
                Criterion = CriterionId is { } criterionId ? Problem.FindExitCriterion(criterionId) : null;
                Version = Problem.Version;
                ChangedSince = await ChangesSince.SayAsync(query, clock, outcome.Since, Problem, cancellation);
                ModelState.AddModelError("", $"{Problem.Reference} changed while you had this page open. Check what changed, below; your answers are kept. Submit again if your change still makes sense.");
                Context = ContextFor(Problem);
                return Page();
            default:
                ModelState.Add(Form.InLabelWords(outcome.Errors, Answer), outcome.Refusal?.Detail);
                return Page();
        }
    }

    private async Task<PhotoPreparation?> ReadPhotoAsync(CancellationToken cancellation)
    {
        if (Request.Form.Files.GetFile(PhotoUploads.FileField) is not { Length: > 0 } file) return null;
        if (file.Length > PhotoProcessing.MostBytes) return new(null, 413, PhotoProcessing.TooLarge);
        await using var stream = file.OpenReadStream();
        return await PhotoProcessing.PrepareAsync(stream, cancellation);
    }

    public string? Answer(string name) => Request.HasFormContentType && Request.Form.TryGetValue(name, out var value) ? value.ToString() : null;

    private ChangeContext ContextFor(Problem problem) =>
        new(problem, Action, Criterion, Teams, Answer, User, London.Today(clock.GetUtcNow())) { Categories = Categories };

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellation)
    {
        var about = ActionId.HasValue ? ChangeAbout.Action : CriterionId.HasValue ? ChangeAbout.Criterion : ChangeAbout.Problem;
        if (ChangeForm.Find(Change, about) is not { } form) return NotFound();
        Form = form;
        if (await query.LoadAsync<Problem>(Id, cancellation) is not { } problem || !await WhoMay.SeeAsync(User, problem, query, cancellation))
            return NotFound();
        Problem = problem;
        Action = ActionId is { } actionId ? problem.FindAction(actionId) : null;
        Criterion = CriterionId is { } criterionId ? problem.FindExitCriterion(criterionId) : null;
        if ((ActionId.HasValue && Action is null) || (CriterionId.HasValue && Criterion is null)) return NotFound();
        if (!form.MayUse(User, Action)) return Forbid();
        Teams = await query.Query<Team>().ToListAsync(cancellation);
        if (form.Key == "category") Categories = [.. (await query.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => c.Id)];
        if (form.Key == "place")
            MapCentre = problem.Location is { Latitude: { } latitude, Longitude: { } longitude } ? (latitude, longitude)
                : await ProblemPlaces.CentreAsync(query, problem.Area, cancellation);
        Context = ContextFor(problem);
        ViewData["Title"] = $"{form.Title} – {problem.Reference}";
        return null;
    }
}
