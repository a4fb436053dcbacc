using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Octans.Api.Pages;

/// <summary>
/// A status without a page of its own, as a page: "Page not found" for a 404, whatever the reason, and the GOV.UK
/// "Sorry, there is a problem with the service" for anything else. The status itself is kept (see Setup/PageStatus).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    [BindProperty(SupportsGet = true)] public int Code { get; set; }

    public bool IsNotFound => Code == 404;

    public IActionResult OnGet() => Answer();

    public IActionResult OnPost() => Answer();

    private PageResult Answer()
    {
        if (Code is < 400 or > 599) Code = 404;
        Response.StatusCode = Code;
        ViewData["Title"] = IsNotFound ? "Page not found" : "Sorry, there is a problem with the service";
        return Page();
    }
}
