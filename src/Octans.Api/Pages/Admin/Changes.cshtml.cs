using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Admin.Changes;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Admin;

/// <summary>Who changed what in administration, newest first, and the sign-ins of the latest days.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ChangesModel(IQuerySession session) : PageModel
{
    public AdminChangesPage Changes { get; private set; } = new([], 0, []);
    public int Current { get; private set; } = 1;
    public int Pages => Math.Max(1, (Changes.Total + AdminChanges.PageSize - 1) / AdminChanges.PageSize);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        ViewData["Title"] = "Who changed what";
        Current = int.TryParse(Request.Query["page"].FirstOrDefault(), out var page) && page is >= 1 and <= 100_000 ? page : 1;
        Changes = await AdminChanges.PageAsync(session, Current, AdminChanges.PageSize, cancellation);
    }

    public static string Headline(ChangedThing thing) => thing switch
    {
        ChangedThing.User => "User",
        ChangedThing.Team => "Team",
        ChangedThing.Category => "Category",
        ChangedThing.IntakeKey => "Open311 key",
        ChangedThing.ProblemSensitivity => "Problem sensitivity",
        _ => thing.ToString(),
    };
}
