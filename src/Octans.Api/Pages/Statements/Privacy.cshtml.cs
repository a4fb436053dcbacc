using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Retention;
using Octans.Domain;

namespace Octans.Api.Pages.Statements;

/// <summary>The privacy notice, open to everyone without signing in.</summary>
[AllowAnonymous]
public sealed class PrivacyModel(IConfiguration configuration, RetentionPolicy retention) : PageModel
{
    public StatementSettings Settings { get; } = StatementSettings.From(configuration);

    /// <summary>The periods Octans applies itself each night, from <c>Octans:Retention</c>.</summary>
    public IReadOnlyList<RetentionRule> Periods { get; } = RetentionOverview.RulesOf(retention);

    public void OnGet() => ViewData["Title"] = "Privacy notice";
}
