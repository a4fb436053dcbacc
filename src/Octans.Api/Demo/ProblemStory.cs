using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>One problem's history in the demo, in the order its events were appended.</summary>
public sealed record ProblemHistory(Guid ProblemId, IReadOnlyList<IProblemEvent> Events);

/// <summary>
/// Writes one problem's history the way staff would have typed it in: every step is a command put to
/// <see cref="ProblemDecisions"/> at a back-dated instant, so the demo obeys exactly the rules the app enforces.
/// A refused step is a bug in the demo and throws.
/// </summary>
internal sealed class ProblemStory
{
    private static readonly TimeOnly EndOfWorkingDay = new(17, 30);

    private readonly DemoCalendar _calendar;
    private readonly Func<string, (Guid Id, string Reference)> _otherProblem;
    private readonly List<IProblemEvent> _events = [];
    private readonly Dictionary<Guid, Guid> _teamOfAction = [];
    private Problem? _problem;
    private DateOnly _day;
    private DateTimeOffset _last;

    public ProblemStory(string key, DemoCalendar calendar, Func<string, (Guid Id, string Reference)> otherProblem)
    {
        Key = key;
        Id = DemoIds.For(key);
        _calendar = calendar;
        _otherProblem = otherProblem;
    }

    public static Actor Coordinator { get; } = ActorOf(Role.Coordinator, null);
    public static Actor Lighting { get; } = ActorOf(Role.TeamMember, Team.StreetLighting.Id);
    public static Actor Streets { get; } = ActorOf(Role.TeamMember, Team.CleanStreets.Id);

    public string Key { get; }
    public Guid Id { get; }
    public IReadOnlyList<IProblemEvent> Events => _events;
    private Problem Problem => _problem ?? throw new InvalidOperationException($"The demo story {Key} must start with its report.");

    /// <summary>The instant a story reported on <paramref name="day"/> is reported, so stories can be numbered in report order.</summary>
    public static DateTimeOffset ReportedAt(string key, DateOnly day) => StartOfWork(key, day);

    public ProblemStory Report(
        DateOnly day, string reference, string title, string statement, string category, Risk risk, Location location)
    {
        _day = day;
        var at = Next();
        var decision = ProblemDecisions.Decide(
            new ReportProblem(Id, reference, title, statement, category, Area.HighTown.Name, risk, location), Coordinator, at);
        var reported = (ProblemReported)Accepted(decision, at).Single();
        _problem = Problem.From(reported);
        _events.Add(reported);
        return this;
    }

    /// <summary>Moves the story on to a working day <paramref name="days"/> after the meeting <paramref name="monthsAgo"/>.</summary>
    public ProblemStory On(int monthsAgo, int days = 0)
    {
        var day = _calendar.Day(monthsAgo, days);
        if (day < _day)
            throw new InvalidOperationException($"The demo story {Key} goes back in time from {_day} to {day}.");
        _day = day;
        return this;
    }

    public ProblemStory Revise(Risk? risk = null, string? statement = null, string? title = null) =>
        Do((p, at) => ProblemDecisions.Decide(p, new ReviseDetails(title, statement, null, risk, null), Coordinator, at));

    public ProblemStory Plan(
        string action, Team team, string description, int dueInDays, Phase? phase = null, string? assignee = null) =>
        PlanDueOn(action, team, description, _day.AddDays(dueInDays), phase, assignee);

    /// <summary>An action due <paramref name="daysFromToday"/> days after the day the demo is loaded, so it is never overdue.</summary>
    public ProblemStory PlanAhead(
        string action, Team team, string description, int daysFromToday, Phase? phase = null, string? assignee = null) =>
        PlanDueOn(action, team, description, _calendar.Today.AddDays(daysFromToday), phase, assignee);

    private ProblemStory PlanDueOn(string action, Team team, string description, DateOnly dueOn, Phase? phase, string? assignee)
    {
        var id = ActionId(action);
        _teamOfAction[id] = team.Id;
        return Do((p, at) => ProblemDecisions.Decide(
            p, new PlanAction(id, description, team.Id, dueOn, phase, assignee), Coordinator, at));
    }

    /// <summary>Completed by the team's own member where the demo has one, otherwise recorded by the coordinator.</summary>
    public ProblemStory Complete(string action, string note, Actor? by = null) =>
        Do((p, at) => ProblemDecisions.Decide(p, new CompleteAction(ActionId(action), note), by ?? MemberOf(action), at));

    public ProblemStory ReopenAction(string action, string reason) =>
        Do((p, at) => ProblemDecisions.Decide(p, new ReopenAction(ActionId(action), reason), Coordinator, at));

    public ProblemStory Cancel(string action, string reason) =>
        Do((p, at) => ProblemDecisions.Decide(p, new CancelAction(ActionId(action), reason), Coordinator, at));

    public ProblemStory Reassign(string action, Team team, string? assignee = null)
    {
        _teamOfAction[ActionId(action)] = team.Id;
        return Do((p, at) => ProblemDecisions.Decide(p, new ReassignAction(ActionId(action), team.Id, assignee), Coordinator, at));
    }

    public ProblemStory Reschedule(string action, int dueInDays, string reason, Actor? by = null) =>
        Do((p, at) => ProblemDecisions.Decide(
            p, new RescheduleAction(ActionId(action), _day.AddDays(dueInDays), reason), by ?? Coordinator, at));

    /// <summary>Moves an action's due date to <paramref name="daysFromToday"/> days after the day the demo is loaded.</summary>
    public ProblemStory RescheduleAhead(string action, int daysFromToday, string reason) =>
        Do((p, at) => ProblemDecisions.Decide(
            p, new RescheduleAction(ActionId(action), _calendar.Today.AddDays(daysFromToday), reason), Coordinator, at));

    public ProblemStory Note(string text, Actor? by = null) =>
        Do((p, at) => ProblemDecisions.Decide(p, new AddNote(text), by ?? Coordinator, at));

    public ProblemStory Criterion(string criterion, string text, Phase? phase = null) =>
        Do((p, at) => ProblemDecisions.Decide(p, new AddExitCriterion(CriterionId(criterion), phase, text), Coordinator, at));

    public ProblemStory Met(string criterion, string evidence, Actor? by = null) =>
        Do((p, at) => ProblemDecisions.Decide(p, new MeetExitCriterion(CriterionId(criterion), evidence), by ?? Coordinator, at));

    /// <summary>The review at the meeting <paramref name="monthsAgo"/>, due again <paramref name="nextInMonths"/> meetings later.</summary>
    public ProblemStory Review(int monthsAgo, Rag rag, string decision, int nextInMonths = 1)
    {
        On(monthsAgo);
        var meeting = _calendar.Meeting(monthsAgo);
        var next = _calendar.Meeting(monthsAgo - nextInMonths);
        return Do((p, at) => ProblemDecisions.Decide(p, new RecordReview(meeting, rag, decision, next), Coordinator, at));
    }

    public ProblemStory Recur(string description, string source, Actor? by = null, int seenDaysEarlier = 0) =>
        Do((p, at) => ProblemDecisions.Decide(
            p, new LogRecurrence(_day.AddDays(-seenDaysEarlier), description, source), by ?? Coordinator, at));

    public ProblemStory Advance(string? overrideReason = null) =>
        Do((p, at) => ProblemDecisions.Decide(p, new AdvancePhase(overrideReason), Coordinator, at));

    public ProblemStory Revert(string reason) =>
        Do((p, at) => ProblemDecisions.Decide(p, new RevertPhase(reason), Coordinator, at));

    public ProblemStory Close(Outcome outcome, string note) =>
        Do((p, at) => ProblemDecisions.Decide(p, new CloseProblem(outcome, note), Coordinator, at));

    /// <summary>Closes this problem as a duplicate of the story <paramref name="otherKey"/>; the note may name it as {0}.</summary>
    public ProblemStory CloseAsDuplicateOf(string otherKey, string note)
    {
        var (otherId, otherReference) = _otherProblem(otherKey);
        return Do((p, at) => ProblemDecisions.Decide(
            p, new CloseProblem(Outcome.Duplicate, string.Format(note, otherReference), otherId), Coordinator, at));
    }

    public ProblemStory Reopen(string reason) =>
        Do((p, at) => ProblemDecisions.Decide(p, new ReopenProblem(reason), Coordinator, at));

    private ProblemStory Do(Func<Problem, DateTimeOffset, Decision> decide)
    {
        var at = Next();
        foreach (var e in Accepted(decide(Problem, at), at))
        {
            Problem.Play(e);
            _events.Add(e);
        }
        return this;
    }

    private IReadOnlyList<IProblemEvent> Accepted(Decision decision, DateTimeOffset at) =>
        decision.IsRefused
            ? throw new InvalidOperationException(
                $"The High Town demo broke a rule in the story {Key} on {London.Today(at)}: {decision.Detail}")
            : decision.Events;

    // Each step is a few minutes after the one before on the same day, or mid-morning on a new day; the minutes
    // come from a hash of the story so two loads of the same day give the same instants.
    private DateTimeOffset Next()
    {
        var at = _events.Count > 0 && London.Today(_last) == _day
            ? _last.AddMinutes(4 + Stable($"{Key}/{_events.Count}") % 17)
            : StartOfWork(Key, _day);
        if (TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, London.TimeZone).DateTime) > EndOfWorkingDay)
            throw new InvalidOperationException($"The demo story {Key} has more on {_day} than fits in a working day.");
        _last = at;
        return at;
    }

    private static DateTimeOffset StartOfWork(string key, DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(Stable($"{key}/{day:yyyy-MM-dd}") % 150);
        // In UTC, like the instants the app records from its clock.
        return new DateTimeOffset(local, London.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private Actor MemberOf(string action) =>
        _teamOfAction.GetValueOrDefault(ActionId(action)) switch
        {
            var team when team == Team.StreetLighting.Id => Lighting,
            var team when team == Team.CleanStreets.Id => Streets,
            _ => Coordinator,
        };

    private Guid ActionId(string action) => DemoIds.For($"{Key}/action/{action}");

    private Guid CriterionId(string criterion) => DemoIds.For($"{Key}/criterion/{criterion}");

    private static Actor ActorOf(Role role, Guid? team)
    {
        var user = DemoAccounts.All.First(u => u.Role == role && u.TeamId == team);
        return new Actor(user.Id, user.Name);
    }

    private static int Stable(string text) => BinaryPrimitives.ReadUInt16LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Ids derived from names, so the demo has the same ids every time it is built.</summary>
internal static class DemoIds
{
    public static Guid For(string name)
    {
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("octans-high-town-demo/" + name), bytes);
        // Marked as an RFC 9562 version 8 (custom) UUID, so it is never mistaken for a random or time-ordered one.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes[..16], bigEndian: true);
    }
}
