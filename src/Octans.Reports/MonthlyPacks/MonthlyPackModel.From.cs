using Octans.Domain;

namespace Octans.Reports.MonthlyPacks;

public sealed partial record MonthlyPackModel
{
    public const int TrendMonths = 12;

    /// <summary>Enough to show the work without swelling the pack; the problem page has the rest.</summary>
    public const int MostPhotosPerProblem = 4;

    /// <summary>
    /// Works out the pack from the histories of the area's problems, with no I/O: each history is cut at the
    /// month's cutoff by business time (<see cref="IProblemEvent.At"/>) and replayed with the domain, noting where
    /// every problem stood at each of the last twelve month ends on the way. <paramref name="thumbnails"/> are the small
    /// copies of photos by id, of which the pack shows those added in the month.
    /// </summary>
    public static MonthlyPackModel From(
        string area, PackMonth month, IEnumerable<IEnumerable<IProblemEvent>> histories, IReadOnlyList<PartnerTeam> teams,
        IReadOnlyDictionary<Guid, byte[]>? thumbnails = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(teams);

        var window = new TrendWindow(month);
        var teamsById = teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        var tally = new Tally();
        var replayed = new List<ReplayedProblem>();
        foreach (var history in histories)
        {
            if (ReplayedProblem.Replay(history, window, tally) is { } problem)
                replayed.Add(problem);
        }
        replayed.Sort((a, b) => string.CompareOrdinal(a.State.Reference, b.State.Reference) is var byReference and not 0
            ? byReference
            : a.State.Id.CompareTo(b.State.Id));

        var dayAfter = month.DayAfter;
        var open = replayed.Where(p => p.State.Status == ProblemStatus.Open).ToList();

        var trends = window.Months.Select((m, i) => new MonthTrend(
            m, tally.PhasesAtEnd(replayed, i), tally.ActionsOpened[i], tally.ActionsCompleted[i])).ToList();

        var summary = new PackSummary(
            AtStart: tally.PhasesAtEnd(replayed, TrendMonths - 2),
            AtEnd: trends[^1].AtEnd,
            NewProblems: tally.NewProblems,
            Advanced: tally.Advanced,
            Reverted: tally.Reverted,
            ClosedByOutcome: Enum.GetValues<Outcome>()
                .Where(o => tally.ClosedByOutcome.GetValueOrDefault(o) > 0)
                .Select(o => new OutcomeCount(o, tally.ClosedByOutcome[o]))
                .ToList(),
            Reopened: tally.Reopened,
            Recurrences: tally.Recurrences,
            ActionsOpened: tally.ActionsOpened[^1],
            ActionsCompleted: tally.ActionsCompleted[^1],
            ActionsOverdue: open.Sum(p => p.State.OverdueActions(dayAfter)));

        var overdueByTeam = open
            .SelectMany(p => p.State.Actions
                .Where(a => Problem.IsOverdue(a, dayAfter))
                .Select(a => (Team: TeamOf(teamsById, a.TeamId), Action: new OverdueAction(
                    p.State.Reference, a.Description, a.DueOn, DaysBetween(a.DueOn, dayAfter)))))
            .GroupBy(x => x.Team)
            .Select(g => new TeamOverdueActions(g.Key.Name, g.Key.Partner, g
                .Select(x => x.Action)
                .OrderByDescending(a => a.DaysOverdue)
                .ThenBy(a => a.ProblemReference, StringComparer.Ordinal)
                .ThenBy(a => a.Description, StringComparer.Ordinal)
                .ToList()))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Team, StringComparer.Ordinal)
            .ToList();

        var board = open.Select(p => new BoardProblem(
                p.State.Reference, p.State.Title, p.State.Location.Description, p.State.Phase, p.Record.Rag, p.State.Risk,
                p.Record.OpenActions, p.State.OverdueActions(dayAfter), p.Record.HoldDecay))
            .ToList();

        var partners = replayed
            .SelectMany(p => p.State.Actions.Select(a => TeamOf(teamsById, a.TeamId).Partner))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var active = replayed
            .Where(p => p.ActiveInMonth)
            .Select(p => Section(p, month, teamsById) with { Photos = PhotosOf(p.Record, month, thumbnails) })
            .ToList();

        return new MonthlyPackModel(area.Trim(), month, partners, summary, overdueByTeam, board, active, trends);
    }

    static ProblemMonth Section(ReplayedProblem replayed, PackMonth month, IReadOnlyDictionary<Guid, PartnerTeam> teams)
    {
        var record = replayed.Record;
        var problem = record.Problem;
        var dayAfter = month.DayAfter;
        return new ProblemMonth(
            problem.Reference,
            problem.Title,
            problem.Category,
            problem.Location.Description,
            problem.Phase,
            problem.Status,
            record.Outcome,
            record.Rag,
            problem.Risk,
            ReportedThisMonth: month.Contains(record.ReportedAt),
            PhaseHistory: record.PhaseHistory.Select((stay, i) => new PhaseStep(
                stay.Phase,
                London.Today(stay.EnteredAt),
                i == 0 ? PhaseMove.Reported
                    : stay.Phase < record.PhaseHistory[i - 1].Phase ? PhaseMove.MovedBack
                    : stay.Override ? PhaseMove.AdvancedWithOverride
                    : PhaseMove.Advanced,
                stay.Reason)).ToList(),
            ExitCriteria: problem.ExitCriteria
                .OrderBy(c => c.Phase)
                .Select(c => (Criterion: c, Met: record.MeetingOf(c)))
                .Select(x => new CriterionState(x.Criterion.Phase, x.Criterion.Text, x.Criterion.Met,
                    x.Met is { } met ? London.Today(met.MetAt) : null, x.Met?.Evidence))
                .ToList(),
            CompletedThisMonth: problem.Actions
                .Where(a => a.Status == ActionStatus.Done)
                .Select(a => (Action: a, Completed: record.CompletionOf(a)))
                .Where(x => x.Completed is { } completed && month.Contains(completed.CompletedAt))
                .OrderBy(x => x.Completed!.CompletedAt)
                .Select(x => new CompletedAction(x.Action.Description, TeamOf(teams, x.Action.TeamId).Name,
                    London.Today(x.Completed!.CompletedAt), x.Completed.Note))
                .ToList(),
            OpenActions: problem.Actions
                .Where(a => a.Status == ActionStatus.Open)
                .OrderBy(a => a.DueOn)
                .ThenBy(a => a.Description, StringComparer.Ordinal)
                .Select(a => new OpenAction(a.Description, TeamOf(teams, a.TeamId).Name, a.Phase, a.DueOn,
                    Problem.IsOverdue(a, dayAfter) ? DaysBetween(a.DueOn, dayAfter) : 0))
                .ToList(),
            Notes: record.Notes
                .Where(n => month.Contains(n.AddedAt))
                .Select(n => new NoteEntry(London.Today(n.AddedAt), n.Text))
                .ToList(),
            Reviews: record.Reviews
                .Where(r => month.Contains(r.RecordedAt))
                .Select(r => new ReviewEntry(r.MeetingOn, r.Rag, r.Decision, r.NextReviewOn))
                .ToList(),
            Recurrences: record.Recurrences
                .Where(r => month.Contains(r.LoggedAt))
                .Select(r => new RecurrenceEntry(r.ObservedOn, r.Description, r.Source))
                .ToList(),
            ClosedOn: problem.Status == ProblemStatus.Closed && record.ClosedAt is { } closed ? London.Today(closed) : null,
            ClosingNote: problem.Status == ProblemStatus.Closed ? record.ClosingNote : null);
    }

    /// <summary>The latest photos added in the month whose thumbnails were handed over, oldest of them first.</summary>
    static IReadOnlyList<PackPhoto> PhotosOf(ProblemRecord record, PackMonth month, IReadOnlyDictionary<Guid, byte[]>? thumbnails)
    {
        if (thumbnails is null || record.Photos.Count == 0) return [];
        var problem = record.Problem;
        return record.Photos
            .Where(p => month.Contains(p.AddedAt) && thumbnails.ContainsKey(p.PhotoId))
            .TakeLast(MostPhotosPerProblem)
            .Select(p =>
            {
                var of = p.ActionId is { } action ? problem.FindAction(action)?.Description : p.CriterionId is { } criterion ? problem.FindExitCriterion(criterion)?.Text : null;
                var when = p.When == BeforeOrAfter.Before ? "Before" : "After";
                return new PackPhoto(thumbnails[p.PhotoId], $"{when} the work: {of ?? problem.Title}", $"{when}, {London.Written(p.AddedAt)}");
            })
            .ToList();
    }

    static PartnerTeam TeamOf(IReadOnlyDictionary<Guid, PartnerTeam> teams, Guid id) =>
        teams.TryGetValue(id, out var team) ? team : new PartnerTeam(id, "Unknown team", "Unknown partner");

    static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>The twelve months that end with the pack's month, and the instants that bound them.</summary>
    sealed class TrendWindow
    {
        public TrendWindow(PackMonth month)
        {
            Month = month;
            Months = Enumerable.Range(0, TrendMonths).Select(i => month.AddMonths(i - TrendMonths + 1)).ToArray();
            Boundaries = [Months[0].Start, .. Months.Select(m => m.Cutoff)];
        }

        public PackMonth Month { get; }
        public PackMonth[] Months { get; }

        /// <summary>The start of the first month, then the end of each month; the last is the pack's cutoff.</summary>
        public DateTimeOffset[] Boundaries { get; }

        public DateTimeOffset Cutoff => Boundaries[^1];
    }

    sealed class Tally
    {
        public int[] ActionsOpened { get; } = new int[TrendMonths];
        public int[] ActionsCompleted { get; } = new int[TrendMonths];
        public int NewProblems;
        public int Advanced;
        public int Reverted;
        public int Reopened;
        public int Recurrences;
        public Dictionary<Outcome, int> ClosedByOutcome { get; } = [];

        /// <summary>Counts an event that happened in month <paramref name="index"/> of the window (-1: before it).</summary>
        public void Count(IProblemEvent e, int index)
        {
            if (index < 0)
                return;
            switch (e)
            {
                case ActionPlanned:
                    ActionsOpened[index]++;
                    break;
                case ActionCompleted:
                    ActionsCompleted[index]++;
                    break;
            }
            if (index != TrendMonths - 1)
                return;
            switch (e)
            {
                case ProblemReported: NewProblems++; break;
                case PhaseAdvanced: Advanced++; break;
                case PhaseReverted: Reverted++; break;
                case ProblemReopened: Reopened++; break;
                case RecurrenceLogged: Recurrences++; break;
                case ProblemClosed closed:
                    ClosedByOutcome[closed.Outcome] = ClosedByOutcome.GetValueOrDefault(closed.Outcome) + 1;
                    break;
            }
        }

        public PhaseCounts PhasesAtEnd(IReadOnlyList<ReplayedProblem> problems, int monthIndex)
        {
            int clear = 0, hold = 0, build = 0, closed = 0;
            foreach (var problem in problems)
            {
                switch (problem.AtBoundary[monthIndex + 1])
                {
                    case null: break;
                    case { Status: ProblemStatus.Closed }: closed++; break;
                    case { Phase: Phase.Clear }: clear++; break;
                    case { Phase: Phase.Hold }: hold++; break;
                    default: build++; break;
                }
            }
            return new PhaseCounts(clear, hold, build, closed);
        }
    }

    readonly record struct Standing(Phase Phase, ProblemStatus Status);

    sealed class ReplayedProblem
    {
        ReplayedProblem(ProblemRecord record, Standing?[] atBoundary, bool activeInMonth)
        {
            Record = record;
            AtBoundary = atBoundary;
            ActiveInMonth = activeInMonth;
        }

        public ProblemRecord Record { get; }
        public Problem State => Record.Problem;

        /// <summary>Where the problem stood at each of the window's boundaries; null before it was reported.</summary>
        public Standing?[] AtBoundary { get; }

        public bool ActiveInMonth { get; }

        /// <summary>
        /// Events are taken in business-time order, keeping stream order for equal times, so a correction recorded
        /// later but dated inside the month lands where it belongs. An event that cannot be played at that point
        /// (it refers to an action planned after the cutoff) is left out rather than failing the pack.
        /// </summary>
        public static ReplayedProblem? Replay(IEnumerable<IProblemEvent> history, TrendWindow window, Tally tally)
        {
            var events = history.Where(e => e.At < window.Cutoff).OrderBy(e => e.At).ToList();
            var reported = events.OfType<ProblemReported>().FirstOrDefault();
            if (reported is null)
                return null;

            var boundaries = window.Boundaries;
            var atBoundary = new Standing?[boundaries.Length];
            var next = 0;
            ProblemRecord? record = null;
            var active = false;

            void PassBoundariesUpTo(DateTimeOffset at)
            {
                for (; next < boundaries.Length && at >= boundaries[next]; next++)
                    atBoundary[next] = record is null ? null : new Standing(record.Problem.Phase, record.Problem.Status);
            }

            PassBoundariesUpTo(reported.ReportedAt);
            record = new ProblemRecord(reported);
            Counted(reported);

            foreach (var e in events)
            {
                if (ReferenceEquals(e, reported))
                    continue;
                PassBoundariesUpTo(e.At);
                if (record.TryPlay(e))
                    Counted(e);
            }
            PassBoundariesUpTo(DateTimeOffset.MaxValue);
            return new ReplayedProblem(record, atBoundary, active);

            void Counted(IProblemEvent e)
            {
                var monthIndex = next - 1;
                tally.Count(e, monthIndex);
                if (monthIndex == TrendMonths - 1)
                    active = true;
            }
        }
    }
}
