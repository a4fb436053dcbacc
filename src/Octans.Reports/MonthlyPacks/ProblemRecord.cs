using Octans.Domain;

namespace Octans.Reports.MonthlyPacks;

/// <summary>
/// One problem's history as the pack tells it. The domain's <see cref="Problem"/> says where the problem stands; beside
/// it the record keeps what only the pack shows: when and why it changed phase, when criteria were met and on what
/// evidence, when actions were done and with what note, the notes, reviews and recurrences, and how it was closed.
/// </summary>
internal sealed class ProblemRecord
{
    private readonly Dictionary<Guid, ActionCompleted> _completions = [];
    private readonly Dictionary<Guid, ExitCriterionMet> _criteriaMet = [];

    public ProblemRecord(ProblemReported reported)
    {
        Problem = Problem.From(reported);
        Problem.Version = 1;
        ReportedAt = reported.ReportedAt;
        PhaseHistory.Add(new PhaseStay(Phase.Clear, reported.ReportedAt, null, false));
        _decay.Add(reported);
    }

    private readonly HoldDecay.Tally _decay = new();

    /// <summary>Reports drawn in Hold or Build since the last review, when the problem is slipping back.</summary>
    public HoldDecay? HoldDecay => _decay.Decay;

    public Problem Problem { get; }
    public DateTimeOffset ReportedAt { get; }

    /// <summary>The rating of the latest review; null until the first.</summary>
    public Rag? Rag { get; private set; }

    public Outcome? Outcome { get; private set; }
    public string? ClosingNote { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public List<PhaseStay> PhaseHistory { get; } = [];
    public List<NoteAdded> Notes { get; } = [];
    public List<ReviewRecorded> Reviews { get; } = [];
    public List<RecurrenceLogged> Recurrences { get; } = [];
    public List<PhotoAdded> Photos { get; } = [];

    public int OpenActions => Problem.Actions.Count(a => a.Status == ActionStatus.Open);

    /// <summary>How the action was completed, while it stays done.</summary>
    public ActionCompleted? CompletionOf(ProblemAction action) => _completions.GetValueOrDefault(action.Id);

    public ExitCriterionMet? MeetingOf(ExitCriterion criterion) => _criteriaMet.GetValueOrDefault(criterion.Id);

    /// <summary>
    /// Moves the record on by one event, or leaves it as it was and answers false when the domain cannot play the event
    /// at this point (it refers to an action or criterion the problem does not have yet).
    /// </summary>
    public bool TryPlay(IProblemEvent e)
    {
        try
        {
            Problem.Play(e);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            return false;
        }
        Problem.Version++;
        _decay.Add(e);
        switch (e)
        {
            case ActionCompleted x: _completions[x.ActionId] = x; break;
            case ActionReopened x: _completions.Remove(x.ActionId); break;
            case ExitCriterionMet x: _criteriaMet[x.CriterionId] = x; break;
            case NoteAdded x: Notes.Add(x); break;
            case ReviewRecorded x:
                Reviews.Add(x);
                Rag = x.Rag;
                break;
            case RecurrenceLogged x: Recurrences.Add(x); break;
            case PhotoAdded x: Photos.Add(x); break;
            case PhaseAdvanced x: PhaseHistory.Add(new PhaseStay(x.To, x.AdvancedAt, x.Override, x.Override is not null)); break;
            case PhaseReverted x: PhaseHistory.Add(new PhaseStay(x.To, x.RevertedAt, x.Reason, false)); break;
            case ProblemClosed x:
                (Outcome, ClosingNote, ClosedAt) = (x.Outcome, x.Note, x.ClosedAt);
                break;
            case ProblemReopened:
                (Outcome, ClosingNote, ClosedAt) = (null, null, null);
                break;
        }
        return true;
    }
}

/// <summary>
/// One stay in a phase. <see cref="Reason"/> is the move-back reason, or the override reason when
/// <see cref="Override"/> is true; it is null for an ordinary advance and for the stay that began with the report.
/// </summary>
internal sealed record PhaseStay(Phase Phase, DateTimeOffset EnteredAt, string? Reason, bool Override);
