using System.Globalization;
using System.Net;
using System.Text;

namespace Octans.Api.Reminders;

/// <summary>A reminder as an email: its subject, plain text, and the same as simple HTML.</summary>
public sealed record ReminderEmail(string Subject, string Text, string Html);

/// <summary>
/// Writes a reminder's email for SMTP, and the lines GOV.UK Notify's templates show. Every word comes from the reminder,
/// which holds references, titles, teams, counts and dates; links lead into Octans for the rest.
/// </summary>
public static class ReminderText
{
    public const string TurnOffPath = "/account/reminders";

    public static ReminderEmail Write(Reminder reminder, ReminderSettings settings) => reminder switch
    {
        TeamReminder team => Team(team, settings),
        CoordinatorReminder coordinator => Coordinator(coordinator, settings),
        _ => throw new ArgumentOutOfRangeException(nameof(reminder), reminder.GetType().Name, "There is no email for this kind of reminder."),
    };

    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>One action on one line: "HT-0003 Dark alley off Wenlock Street (Street Lighting), due Sunday 13 December 2026".</summary>
    public static string Line(DueAction action, bool withTeam) =>
        $"{action.Reference} {action.Title}{(withTeam ? $" ({action.Team})" : "")}, due {Day(action.DueOn)}";

    public static string TeamSubject(TeamReminder reminder) =>
        $"Octans: {reminder.Team}'s actions, {reminder.Overdue.Count} overdue and {reminder.Due.Count} due by {Day(reminder.Until)}";

    public static string CoordinatorSubject(CoordinatorReminder reminder) =>
        $"Octans: reports waiting and actions overdue, {Day(reminder.Day)}";

    private static ReminderEmail Team(TeamReminder reminder, ReminderSettings settings)
    {
        var email = new Email();
        email.Paragraph($"{reminder.Team}'s actions in Octans for the week of {Day(reminder.From)}.");
        email.Actions($"Overdue ({reminder.Overdue.Count})", reminder.Overdue, withTeam: false, settings);
        email.Actions($"Due by {Day(reminder.Until)} ({reminder.Due.Count})", reminder.Due, withTeam: false, settings);
        email.Link("Your team's tasks", settings.Link("/tasks"));
        email.Paragraph($"You get this email each week because you are in {reminder.Team}.");
        email.Link("Turn reminders off", settings.Link(TurnOffPath));
        return email.Finish(TeamSubject(reminder));
    }

    private static ReminderEmail Coordinator(CoordinatorReminder reminder, ReminderSettings settings)
    {
        var email = new Email();
        email.Paragraph($"What waits for a coordinator in Octans on {Day(reminder.Day)}.");
        foreach (var area in reminder.Areas)
        {
            email.Heading(area.Area);
            email.Link(Waiting(area.ReportsWaiting), settings.Link($"/inbox?area={Uri.EscapeDataString(area.Area)}"));
            email.Actions($"{Actions(area.WentOverdue.Count)} went overdue today", area.WentOverdue, withTeam: true, settings);
            email.Link($"{Actions(area.OverdueInAll)} overdue in all", settings.Link("/dashboard"));
        }
        email.Paragraph("You get this email on days when reports wait in an inbox or actions go overdue.");
        email.Link("Turn reminders off", settings.Link(TurnOffPath));
        return email.Finish(CoordinatorSubject(reminder));
    }

    public static string Waiting(int reports) => reports == 1 ? "1 report waits in the inbox" : $"{reports} reports wait in the inbox";

    public static string Actions(int count) => count == 1 ? "1 action" : $"{count} actions";

    /// <summary>The text and the HTML written side by side, so the two always say the same.</summary>
    private sealed class Email
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head>"
            + "<body style=\"font-family: Arial, sans-serif; font-size: 16px; line-height: 1.4\">");

        public void Paragraph(string text)
        {
            _text.Append(text).Append("\n\n");
            _html.Append("<p>").Append(Encode(text)).Append("</p>");
        }

        public void Heading(string text)
        {
            _text.Append(text).Append('\n').Append(new string('-', text.Length)).Append("\n\n");
            _html.Append("<h2 style=\"font-size: 19px\">").Append(Encode(text)).Append("</h2>");
        }

        public void Link(string text, string address)
        {
            _text.Append(text).Append(": ").Append(address).Append("\n\n");
            _html.Append("<p><a href=\"").Append(Encode(address)).Append("\">").Append(Encode(text)).Append("</a></p>");
        }

        public void Actions(string heading, IReadOnlyList<DueAction> actions, bool withTeam, ReminderSettings settings)
        {
            _text.Append(heading).Append(actions.Count == 0 ? ": none.\n\n" : ":\n");
            _html.Append("<p>").Append(Encode(heading)).Append(actions.Count == 0 ? ": none.</p>" : ":</p><ul>");
            if (actions.Count == 0) return;
            foreach (var action in actions)
            {
                var address = settings.Link($"/problems/{action.ProblemId}");
                _text.Append("- ").Append(Line(action, withTeam)).Append("\n  ").Append(address).Append('\n');
                _html.Append("<li><a href=\"").Append(Encode(address)).Append("\">").Append(Encode(action.Reference)).Append("</a> ")
                    .Append(Encode(Line(action, withTeam)[(action.Reference.Length + 1)..])).Append("</li>");
            }
            _text.Append('\n');
            _html.Append("</ul>");
        }

        public ReminderEmail Finish(string subject) => new(subject, _text.ToString().TrimEnd() + "\n", _html.Append("</body></html>").ToString());

        private static string Encode(string text) => WebUtility.HtmlEncode(text);
    }
}
