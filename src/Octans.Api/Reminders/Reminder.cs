using System.Globalization;

namespace Octans.Api.Reminders;

/// <summary>The two reminders: each team's week, by email to its members, and each coordinator's day.</summary>
public enum ReminderKind { TeamWeek, CoordinatorDay }

/// <summary>A member of staff a reminder goes to, by the user's id and email.</summary>
public sealed record Recipient(Guid UserId, string Email, string Name);

/// <summary>An open action as a reminder names it: its problem's reference and title, the team that does it and when it is due.</summary>
public sealed record DueAction(Guid ProblemId, string Reference, string Title, string Team, DateOnly DueOn);

/// <summary>
/// One email to one person for one period, such as a team's week "2026-W51" or a coordinator's day "2026-12-14". It carries
/// references, titles, teams, counts and dates only: never the text of a note, an action or a report.
/// </summary>
public abstract record Reminder(Recipient To, ReminderKind Kind, string Period);

/// <summary>A team's actions overdue, and due in the seven days from <see cref="From"/>.</summary>
public sealed record TeamReminder(Recipient To, string Period, string Team, DateOnly From, IReadOnlyList<DueAction> Overdue,
    IReadOnlyList<DueAction> Due) : Reminder(To, ReminderKind.TeamWeek, Period)
{
    public DateOnly Until => From.AddDays(6);
}

/// <summary>What a coordinator should know this morning, area by area.</summary>
public sealed record CoordinatorReminder(Recipient To, string Period, DateOnly Day, IReadOnlyList<AreaNews> Areas)
    : Reminder(To, ReminderKind.CoordinatorDay, Period);

/// <summary>An area's reports waiting in its inbox, the actions that went overdue today, and how many are overdue in all.</summary>
public sealed record AreaNews(string Area, int ReportsWaiting, IReadOnlyList<DueAction> WentOverdue, int OverdueInAll)
{
    public bool IsNews => ReportsWaiting > 0 || WentOverdue.Count > 0;
}

/// <summary>The periods reminders are sent once in: an ISO week of London's calendar, or a London day.</summary>
public static class ReminderPeriods
{
    public static string Week(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
