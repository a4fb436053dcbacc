using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Octans.Api.Reminders.TurningOff;
using Octans.Api.SigningIn;

namespace Octans.Api.Pages.Account;

/// <summary>The user's own reminder emails: on or off.</summary>
public sealed class RemindersModel(IQuerySession session, UserWrites writes) : PageModel
{
    [BindProperty] public string? On { get; set; }
    public bool IsOn { get; private set; }
    public bool InTeam => User.TeamOf() is not null;
    public bool IsCoordinator => User.Is(Role.Coordinator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (await ReminderChoices.IsOnAsync(session, User.UserId(), cancellation) is not { } on) return Forbid();
        IsOn = on;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (On is not ("on" or "off"))
        {
            ModelState.AddModelError("on", "Select whether you want reminder emails");
            IsOn = await ReminderChoices.IsOnAsync(session, User.UserId(), cancellation) ?? true;
            return Page();
        }
        if (await ReminderChoices.TurnAsync(writes, User.UserId(), On == "on", cancellation) is not null) return Forbid();
        TempData["Done"] = On == "on" ? "Your reminder emails are on." : "Your reminder emails are off.";
        return RedirectToPage();
    }
}
