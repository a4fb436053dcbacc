using Notify.Client;
using Notify.Exceptions;
using Notify.Interfaces;

namespace Octans.Api.Reminders.Sending;

/// <summary>
/// Sends reminders through GOV.UK Notify: a template for each kind, filled in with <see cref="Personalisation"/>. The
/// client reference names the person, kind and period, never the person's email.
/// </summary>
public sealed class NotifyPost(ReminderSettings settings, IAsyncNotificationClient client) : IReminderPost
{
    public NotifyPost(ReminderSettings settings) : this(settings, new NotificationClient(settings.Notify.ApiKey))
    {
    }

    public async Task<string> SendAsync(Reminder reminder, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            var sent = await client.SendEmailAsync(reminder.To.Email, TemplateOf(reminder), Personalisation(reminder, settings),
                ClientReference(reminder), emailReplyToId: null);
            return sent.id;
        }
        catch (NotifyClientException refused) when (refused.Message.Contains("Status code 400", StringComparison.Ordinal))
        {
            // A 400 is about this email (an address Notify will not send to, say); a 403, 429 or 5xx is about every email.
            throw new ReminderRefused($"GOV.UK Notify refused the reminder to user {reminder.To.UserId}.", refused);
        }
    }

    public string TemplateOf(Reminder reminder) => reminder.Kind switch
    {
        ReminderKind.TeamWeek => settings.Notify.TeamTemplate,
        _ => settings.Notify.CoordinatorTemplate,
    };

    public static string ClientReference(Reminder reminder) => $"{reminder.Kind}:{reminder.Period}:{reminder.To.UserId}";

    /// <summary>
    /// What the templates are filled in with. A list becomes bullets in Notify's email; a list with nothing in it says
    /// "None". The team template uses ((team)), ((week)), ((overdue)), ((due)), ((tasks_link)) and ((turn_off_link)); the
    /// coordinator's ((day)), ((waiting)), ((went_overdue)), ((overdue_in_all)), ((inbox_link)) and ((turn_off_link)).
    /// </summary>
    public static Dictionary<string, dynamic> Personalisation(Reminder reminder, ReminderSettings settings) => reminder switch
    {
        TeamReminder team => new()
        {
            ["team"] = team.Team,
            ["week"] = $"{ReminderText.Day(team.From)} to {ReminderText.Day(team.Until)}",
            ["overdue"] = Lines(team.Overdue.Select(a => ReminderText.Line(a, withTeam: false))),
            ["due"] = Lines(team.Due.Select(a => ReminderText.Line(a, withTeam: false))),
            ["tasks_link"] = settings.Link("/tasks"),
            ["turn_off_link"] = settings.Link(ReminderText.TurnOffPath),
        },
        CoordinatorReminder coordinator => new()
        {
            ["day"] = ReminderText.Day(coordinator.Day),
            ["waiting"] = Lines(coordinator.Areas.Where(a => a.ReportsWaiting > 0)
                .Select(a => $"{a.Area}: {ReminderText.Waiting(a.ReportsWaiting)}")),
            ["went_overdue"] = Lines(coordinator.Areas.SelectMany(a => a.WentOverdue.Select(action => $"{a.Area}: {ReminderText.Line(action, withTeam: true)}"))),
            ["overdue_in_all"] = Lines(coordinator.Areas.Where(a => a.OverdueInAll > 0)
                .Select(a => $"{a.Area}: {ReminderText.Actions(a.OverdueInAll)}")),
            ["inbox_link"] = settings.Link("/inbox"),
            ["turn_off_link"] = settings.Link(ReminderText.TurnOffPath),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(reminder), reminder.GetType().Name, "There is no template for this kind of reminder."),
    };

    private static List<string> Lines(IEnumerable<string> lines) => [.. lines.DefaultIfEmpty("None")];
}
