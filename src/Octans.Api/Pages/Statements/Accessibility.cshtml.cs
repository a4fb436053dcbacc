using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Octans.Api.Pages.Statements;

/// <summary>The accessibility statement, open to everyone without signing in.</summary>
[AllowAnonymous]
public sealed class AccessibilityModel(IConfiguration configuration) : PageModel
{
    public StatementSettings Settings { get; } = StatementSettings.From(configuration);

    public void OnGet() => ViewData["Title"] = "Accessibility statement";
}
