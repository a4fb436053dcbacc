using Marten;
using Octans.Api.Inbox;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Api.Teams.TaskList;

namespace Octans.Api.Reminders;

/// <summary>
/// Who gets which reminder today, and what it says: the I/O before the sending. Only enabled users who have not turned
/// reminders off get one, and nobody gets an email with nothing in it.
/// </summary>
public static class ReminderContent
{
    /// <summary>Each team member's email for the week from <paramref name="today"/>: the team's actions overdue and due in the next seven days.</summary>
    public static async Task<IReadOnlyList<TeamReminder>> ForTeamsAsync(IQuerySession session, DateOnly today, CancellationToken cancellation)
    {
        var members = await session.Query<User>().Where(u => u.TeamId != null && !u.Disabled && !u.RemindersOff).ToListAsync(cancellation);
        if (members.Count == 0) return [];
        var teams = await TeamNamesAsync(session, cancellation);
        var byTeam = (await TeamTasks.OpenDueBeforeAsync(session, today.AddDays(7), cancellation))
            .Where(a => a.SeenByTeam).ToLookup(a => a.TeamId);
        var period = ReminderPeriods.Week(today);
        return
        [
            .. from member in members
               let team = member.TeamId!.Value
               where byTeam[team].Any() && teams.ContainsKey(team)
               let actions = byTeam[team].Select(a => Named(a, teams)).ToList()
               select new TeamReminder(RecipientOf(member), period, teams[team], today,
                   [.. actions.Where(a => a.DueOn < today)], [.. actions.Where(a => a.DueOn >= today)]),
        ];
    }

    /// <summary>
    /// Each coordinator's email for <paramref name="today"/>, when any area has reports waiting in its inbox or actions
    /// that went overdue today (due yesterday). Coordinators work across every area, so each gets every area's news.
    /// </summary>
    public static async Task<IReadOnlyList<CoordinatorReminder>> ForCoordinatorsAsync(IQuerySession session, DateOnly today,
        CancellationToken cancellation)
    {
        var coordinators = await session.Query<User>().Where(u => u.Role == Role.Coordinator && !u.Disabled && !u.RemindersOff)
            .ToListAsync(cancellation);
        if (coordinators.Count == 0) return [];
        var teams = await TeamNamesAsync(session, cancellation);
        var overdue = (await TeamTasks.OpenDueBeforeAsync(session, today, cancellation)).ToLookup(a => a.Area);
        var news = new List<AreaNews>();
        foreach (var area in await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation))
        {
            var inArea = overdue[area.Name].ToList();
            var wentOverdue = inArea.Where(a => a.DueOn == today.AddDays(-1)).Select(a => Named(a, teams)).ToList();
            var item = new AreaNews(area.Name, await InboxReports.WaitingAsync(session, area.Name, cancellation), wentOverdue, inArea.Count);
            if (item.IsNews) news.Add(item);
        }
        if (news.Count == 0) return [];
        var period = ReminderPeriods.Day(today);
        return [.. coordinators.Select(c => new CoordinatorReminder(RecipientOf(c), period, today, news))];
    }

    private static async Task<Dictionary<Guid, string>> TeamNamesAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Team>().ToListAsync(cancellation)).ToDictionary(t => t.Id, t => t.Name);

    private static DueAction Named(OpenActionDue action, Dictionary<Guid, string> teams) =>
        new(action.ProblemId, action.Reference, action.Title, teams.GetValueOrDefault(action.TeamId, "a team no longer listed"), action.DueOn);

    private static Recipient RecipientOf(User user) => new(user.Id, user.Email, user.Name);
}
