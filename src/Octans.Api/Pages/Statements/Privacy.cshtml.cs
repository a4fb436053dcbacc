using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Octans.Api.Pages.Statements;

/// <summary>The privacy notice, open to everyone without signing in.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(IConfiguration configuration) : PageModel
{
    public StatementSettings Settings { get; } = StatementSettings.From(configuration);

    public void OnGet() => ViewData["Title"] = "Privacy notice";
}
