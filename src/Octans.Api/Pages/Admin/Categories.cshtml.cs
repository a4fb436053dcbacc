using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

[Authorize(Policy = Policies.Admin)]
public sealed class CategoriesModel(IDocumentSession session, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        Categories = await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation);
        Teams = await session.Query<Team>().OrderBy(t => t.Name).ToListAsync(cancellation);
    }

    /// <summary>The names of the teams who may see a sensitive category's problems, for its row.</summary>
    public string SeenBy(Category category) =>
        string.Join(", ", Teams.Where(t => category.Teams.Contains(t.Id)).Select(t => t.Name)) is { Length: > 0 } names
            ? $"Sensitive: seen by coordinators, administrators and {names}"
            : "Sensitive: seen by coordinators and administrators only";

    /// <summary>Marks a category sensitive with the teams who may see its problems, or no longer.</summary>
    public async Task<IActionResult> OnPostSensitivityAsync(string category, bool sensitive, List<Guid> teams, CancellationToken cancellation)
    {
        var change = new ChangeCategorySensitivity(sensitive, sensitive ? teams : []);
        if (await CategorySensitivity.ChangeAsync(session, category, change, User.Actor(), clock.GetUtcNow(), cancellation) is { } refused)
        {
            ModelState.AddModelError("", refused is HttpValidationProblemDetails { Errors: var errors } && errors.Count > 0
                ? errors.First().Value[0] : refused.Detail!);
            await OnGetAsync(cancellation);
            return new PageResult { StatusCode = refused.Status ?? 400 };
        }
        TempData["Done"] = sensitive
            ? $"{category} is sensitive: its problems are never published and are seen only by coordinators, administrators and the teams named."
            : $"{category} is no longer sensitive.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        foreach (var (field, messages) in await ReferenceDataRules.CheckCategoryAsync(new AddCategory(Name), session, cancellation))
            ModelState.AddModelError(field, messages[0]);
        if (!ModelState.IsValid)
        {
            await OnGetAsync(cancellation);
            return Page();
        }
        ReferenceDataRules.AddCategory(session, new AddCategory(Name), User.Actor(), clock.GetUtcNow());
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception exception) when (ReferenceDataStorage.NameTaken(exception) is { } taken)
        {
            ModelState.AddModelError(taken.Field, taken.Message);
            await OnGetAsync(cancellation);
            return Page();
        }
        TempData["Done"] = $"{Name!.Trim()} was added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string category, CancellationToken cancellation)
    {
        if (await ReferenceDataRules.RemoveCategoryAsync(session, category, User.Actor(), clock.GetUtcNow(), cancellation) is { } refused)
        {
            ModelState.AddModelError("", refused.Detail!);
            await OnGetAsync(cancellation);
            return new PageResult { StatusCode = refused.Status ?? 400 };
        }
        TempData["Done"] = $"{category} is no longer offered. Problems already in it keep it.";
        return RedirectToPage();
    }
}
