using Octans.Domain;
using Octans.Reports.MonthlyPacks;

namespace Octans.Reports.PathwaysPacks;

public sealed partial record PathwaysPackModel
{
    /// <summary>
    /// Works out the pack from the histories of the area's problems, with no I/O: each history is cut at the quarter's cutoff
    /// by business time and replayed with the domain. The problems in <paramref name="sensitive"/> are left out whole, before
    /// anything is counted; the model names places at street level and keeps no notes, people or free text from residents.
    /// </summary>
    public static PathwaysPackModel From(string area, PackQuarter quarter, IEnumerable<IEnumerable<IProblemEvent>> histories,
        IReadOnlySet<Guid> sensitive)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(area);
        ArgumentNullException.ThrowIfNull(histories);
        ArgumentNullException.ThrowIfNull(sensitive);

        var cameIn = new Dictionary<Phase, int>();
        var movedOnFrom = new Dictionary<Phase, int>();
        var wentBackFrom = new Dictionary<Phase, int>();
        var atStart = new Dictionary<Phase, int>();
        var atEnd = new Dictionary<Phase, int>();
        var closed = new Dictionary<Outcome, int>();
        var newProblems = 0;
        var movedOn = new List<PlaceMove>();
        var wentBack = new List<PlaceMove>();
        var reported = new List<PlaceReported>();
        var next = new List<PlaceNext>();
        void Add<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

        foreach (var history in histories)
        {
            var events = history.Where(e => e.At < quarter.Cutoff).OrderBy(e => e.At).ToList();
            if (events.OfType<ProblemReported>().FirstOrDefault() is not { } first || sensitive.Contains(first.ProblemId)) continue;
            var record = new ProblemRecord(first);
            var place = StreetLevel.Of(first.Location.Description);
            var openAtStart = first.ReportedAt < quarter.Start;
            var startPhase = (Phase?)Phase.Clear;
            var reports = 0;
            var done = new List<string>();
            if (quarter.Contains(first.ReportedAt))
            {
                newProblems++;
                Add(cameIn, Phase.Clear);
            }

            foreach (var e in events)
            {
                if (ReferenceEquals(e, first)) continue;
                var inQuarter = quarter.Contains(e.At);
                var before = (record.Problem.Phase, record.Problem.Status);
                var criteriaMet = record.Problem.ExitCriteria.Where(c => c.Phase == before.Phase && c.Met).Select(c => c.Text).ToList();
                if (!record.TryPlay(e)) continue;
                if (!inQuarter)
                {
                    startPhase = record.Problem.Status == ProblemStatus.Open ? record.Problem.Phase : null;
                    continue;
                }
                var on = London.Today(e.At);
                switch (e)
                {
                    case PhaseAdvanced x:
                        Add(movedOnFrom, before.Phase);
                        Add(cameIn, x.To);
                        movedOn.Add(new PlaceMove(first.Reference, place, first.Category, before.Phase, x.To, on,
                            x.Override is { } reason ? $"Moved on with work still open: {reason.TrimEnd('.')}." : Because(criteriaMet)));
                        break;
                    case PhaseReverted x:
                        Add(wentBackFrom, before.Phase);
                        Add(cameIn, x.To);
                        wentBack.Add(new PlaceMove(first.Reference, place, first.Category, before.Phase, x.To, on, $"{x.Reason.TrimEnd('.')}."));
                        break;
                    case ProblemClosed x:
                        Add(closed, x.Outcome);
                        Add(movedOnFrom, before.Phase);
                        movedOn.Add(new PlaceMove(first.Reference, place, first.Category, before.Phase, null, on,
                            $"Closed: {MonthlyPackDocument.OutcomeWord(x.Outcome).ToLowerInvariant()}."));
                        break;
                    case ProblemReopened:
                        Add(cameIn, record.Problem.Phase);
                        break;
                    case RecurrenceLogged:
                        reports++;
                        break;
                    case ActionCompleted x when record.Problem.FindAction(x.ActionId) is { } action:
                        done.Add(action.Description);
                        break;
                }
            }

            if (openAtStart && startPhase is { } phaseAtStart) Add(atStart, phaseAtStart);
            var problem = record.Problem;
            if (problem.Status == ProblemStatus.Open) Add(atEnd, problem.Phase);
            if (reports > 0)
                reported.Add(new PlaceReported(first.Reference, place, first.Category, problem.Phase, reports, done));
            var open = problem.Actions.Where(a => a.Status == ActionStatus.Open).ToList();
            var nextReview = record.Reviews.LastOrDefault()?.NextReviewOn;
            if (problem.Status == ProblemStatus.Open && (open.Count > 0 || nextReview is not null || record.HoldDecay is not null))
                next.Add(new PlaceNext(first.Reference, place, first.Category, problem.Phase, open.Count,
                    open.Count > 0 ? open.Min(a => a.DueOn) : null, nextReview, record.HoldDecay is not null));
        }

        static IReadOnlyList<T> Sorted<T>(IEnumerable<T> items, Func<T, string> reference) => [.. items.OrderBy(reference, StringComparer.Ordinal)];
        return new PathwaysPackModel(
            area.Trim(), quarter,
            [.. Enum.GetValues<Phase>().Select(p => new PhaseQuarter(p, atStart.GetValueOrDefault(p), atEnd.GetValueOrDefault(p),
                cameIn.GetValueOrDefault(p), movedOnFrom.GetValueOrDefault(p), wentBackFrom.GetValueOrDefault(p)))],
            newProblems,
            [.. Enum.GetValues<Outcome>().Where(o => closed.ContainsKey(o)).Select(o => new OutcomeCount(o, closed[o]))],
            [.. movedOn.OrderBy(m => m.On).ThenBy(m => m.Reference, StringComparer.Ordinal)],
            [.. wentBack.OrderBy(m => m.On).ThenBy(m => m.Reference, StringComparer.Ordinal)],
            Sorted(reported, r => r.Reference),
            Sorted(next, n => n.Reference));
    }

    static string Because(IReadOnlyList<string> criteriaMet) => criteriaMet.Count == 0
        ? "The partnership agreed the work in this phase was done."
        : "What the partnership agreed had to be true was met: " + string.Join("; ", criteriaMet.Select(c => c.TrimEnd('.'))) + ".";
}
