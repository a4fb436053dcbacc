using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>
/// Tells one demo story to <see cref="ProblemHistory"/>: each step becomes a command at a back-dated instant in working
/// hours on its day, so the demo obeys exactly the rules the app enforces. A refused step is a mistake in the story
/// and throws, naming the story and the step.
/// </summary>
internal sealed class StoryTeller
{
    private static readonly TimeOnly EndOfWorkingDay = new(17, 30);

    private readonly DemoStory _story;
    private readonly DemoCalendar _calendar;
    private readonly Func<string, (Guid Id, string Reference)> _otherProblem;
    private readonly ProblemHistory _history;
    private DateTimeOffset _last;

    private StoryTeller(DemoStory story, DateOnly reportedOn, string reference, DemoCalendar calendar,
        Func<string, (Guid Id, string Reference)> otherProblem)
    {
        _story = story;
        _calendar = calendar;
        _otherProblem = otherProblem;
        Day = reportedOn;
        var report = new ReportProblem(DemoIds.For(story.Key), reference, story.Title, story.Statement, story.Category,
            Area.HighTown.Name, story.Risk, story.Place.Location);
        _history = ProblemHistory.Report(report, Coordinator, Next(0));
    }

    public static Actor Coordinator { get; } = Account("coordinator@octans.test");

    /// <summary>The day the story has reached.</summary>
    public DateOnly Day { get; private set; }

    public static ProblemHistory Tell(DemoStory story, DateOnly reportedOn, string reference, DemoCalendar calendar,
        Func<string, (Guid Id, string Reference)> otherProblem)
    {
        var step = -1;
        try
        {
            var teller = new StoryTeller(story, reportedOn, reference, calendar, otherProblem);
            for (step = 0; step < story.Steps.Count; step++)
                teller.Take(story.Steps[step]);
            return teller._history;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            var where = step < 0 ? "its report" : $"step {step + 1}";
            throw new InvalidOperationException($"The High Town demo's story {story.Key} broke at {where}: {e.Message}", e);
        }
    }

    /// <summary>The instant a story reported on <paramref name="day"/> is reported, so stories can be numbered in report order.</summary>
    public static DateTimeOffset ReportedAt(string key, DateOnly day) => StartOfWork(key, day);

    public Guid ActionId(string action) => DemoIds.For($"{_story.Key}/action/{action}");

    public Guid CriterionId(string criterion) => DemoIds.For($"{_story.Key}/criterion/{criterion}");

    public Guid PhotoId(string photo) => DemoIds.For($"{_story.Key}/photo/{photo}");

    public DateOnly Meeting(int monthsAgo) => _calendar.Meeting(monthsAgo);

    public (Guid Id, string Reference) OtherProblem(string key) => _otherProblem(key);

    public Guid TeamId(string name) =>
        Team.Defaults.SingleOrDefault(t => t.Name == name)?.Id ?? throw new InvalidOperationException($"There is no team {name}.");

    /// <summary>Days after the story's day, or after the day the demo is loaded, so that work can be never overdue.</summary>
    public DateOnly DueOn(int? inDays, int? inDaysFromToday) => (inDays, inDaysFromToday) switch
    {
        ({ } days, null) => Day.AddDays(days),
        (null, { } days) => _calendar.Today.AddDays(days),
        _ => throw new InvalidOperationException("Give the due date as either dueInDays or dueInDaysFromToday."),
    };

    public Actor MemberOf(string action)
    {
        var team = _history.Problem.FindAction(ActionId(action))?.TeamId;
        var member = DemoAccounts.All.FirstOrDefault(u => u.Role == Role.TeamMember && u.TeamId == team);
        return member is null ? Coordinator : new Actor(member.Id, member.Name);
    }

    private void Take(DemoStep step)
    {
        if (step.Day is { } day)
            MoveTo(_calendar.Day(day.MonthsAgo, day.Days));
        var command = step.Command(this);
        var by = step.By is { } email ? Account(email) : step.DefaultBy(this);
        _history.Then(command, by, Next(_history.Events.Count));
    }

    private void MoveTo(DateOnly day)
    {
        if (day < Day)
            throw new InvalidOperationException($"The story goes back in time from {Day} to {day}.");
        Day = day;
    }

    // Each step is a few minutes after the one before on the same day, or mid-morning on a new day; the minutes
    // come from a hash of the story so two loads of the same day give the same instants.
    private DateTimeOffset Next(int eventsSoFar)
    {
        var at = eventsSoFar > 0 && London.Today(_last) == Day
            ? _last.AddMinutes(4 + Stable($"{_story.Key}/{eventsSoFar}") % 17)
            : StartOfWork(_story.Key, Day);
        if (TimeOnly.FromDateTime(London.Local(at).DateTime) > EndOfWorkingDay)
            throw new InvalidOperationException($"The story has more on {Day} than fits in a working day.");
        _last = at;
        return at;
    }

    private static DateTimeOffset StartOfWork(string key, DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(Stable($"{key}/{day:yyyy-MM-dd}") % 150);
        // In UTC, like the instants the app records from its clock.
        return new DateTimeOffset(local, London.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Actor Account(string email) =>
        DemoAccounts.All.SingleOrDefault(u => u.Email == email) is { } user
            ? new Actor(user.Id, user.Name)
            : throw new InvalidOperationException($"There is no demo account {email}.");

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
