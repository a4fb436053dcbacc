using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages;

/// <summary>Sends each role to the page it works in.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.Is(Role.TeamMember) ? Redirect("/tasks")
        : User.Is(Role.Councillor) ? Redirect("/dashboard")
        : Redirect("/problems");
}
