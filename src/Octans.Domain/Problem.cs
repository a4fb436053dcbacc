namespace Octans.Domain;

/// <summary>
/// A place-based problem, built from its events with <see cref="From"/> and <see cref="Play"/>. The store keeps it
/// as a snapshot updated with every write, and it is the read model of the problem page, so every piece of state
/// has a public setter.
/// </summary>
public sealed class Problem
{
    public Guid Id { get; set; }
    public int Version { get; set; }

    public string Reference { get; set; } = "";
    public string Title { get; set; } = "";
    public string Statement { get; set; } = "";
    public string Category { get; set; } = "";
    public string Area { get; set; } = "";
    public Risk Risk { get; set; }
    public Rag? Rag { get; set; }
    public Location Location { get; set; } = new("", null, null, null, null, null);
    public Phase Phase { get; set; }
    public ProblemStatus Status { get; set; }
    public Outcome? Outcome { get; set; }
    public string? ClosingNote { get; set; }
    public Guid? DuplicateOf { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public Actor ReportedBy { get; set; } = new(Guid.Empty, "");
    /// <summary>The latest event's instant, always in UTC: the store keeps it in a column that takes UTC only.</summary>
    public DateTimeOffset UpdatedAt
    {
        get => _updatedAt;
        set => _updatedAt = value.ToUniversalTime();
    }

    private DateTimeOffset _updatedAt;

    public List<ExitCriterion> ExitCriteria { get; set; } = [];
    public List<ProblemAction> Actions { get; set; } = [];
    public List<Note> Notes { get; set; } = [];
    public List<Review> Reviews { get; set; } = [];
    public List<PhaseEntry> PhaseHistory { get; set; } = [];
    public List<Recurrence> Recurrences { get; set; } = [];

    /// <summary>A recurrence was logged in Hold or Build after the latest review.</summary>
    public bool RecurredSinceLastReview { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    public int OpenActions { get; set; }
    public List<Guid> OpenActionTeamIds { get; set; } = [];

    /// <summary>The problem has overdue actions when this is before today.</summary>
    public DateOnly? EarliestOpenDueOn { get; set; }

    public static Problem From(ProblemReported e) => new()
    {
        Id = e.ProblemId,
        Reference = e.Reference,
        Title = e.Title,
        Statement = e.Statement,
        Category = e.Category,
        Area = e.Area,
        Risk = e.Risk,
        Location = e.Location,
        Phase = Phase.Clear,
        Status = ProblemStatus.Open,
        ReportedAt = e.ReportedAt,
        ReportedBy = e.By,
        UpdatedAt = e.ReportedAt,
        PhaseHistory = [new PhaseEntry(Phase.Clear, e.ReportedAt, e.By, null, false)],
    };

    /// <summary>Builds the problem as it stood after <paramref name="history"/>, which starts with its report.</summary>
    public static Problem Replay(IEnumerable<IProblemEvent> history)
    {
        Problem? problem = null;
        foreach (var e in history)
        {
            if (problem is null)
                problem = From(e as ProblemReported ?? throw new ArgumentException(
                    $"A problem's history starts with {nameof(ProblemReported)}, not {e.GetType().Name}.", nameof(history)));
            else
                problem.Play(e);
            problem.Version++;
        }
        return problem ?? throw new ArgumentException("A problem's history has at least its report.", nameof(history));
    }

    /// <summary>Moves this problem on by one event.</summary>
    public void Play(IProblemEvent e)
    {
        switch (e)
        {
            case ProblemDetailsRevised x: When(x); break;
            case ActionPlanned x: When(x); break;
            case ActionCompleted x: When(x); break;
            case ActionReopened x: When(x); break;
            case ActionCancelled x: When(x); break;
            case ActionReassigned x: When(x); break;
            case ActionRescheduled x: When(x); break;
            case NoteAdded x: When(x); break;
            case ExitCriterionAdded x: When(x); break;
            case ExitCriterionMet x: When(x); break;
            case ReviewRecorded x: When(x); break;
            case RecurrenceLogged x: When(x); break;
            case PhaseAdvanced x: When(x); break;
            case PhaseReverted x: When(x); break;
            case ProblemClosed x: When(x); break;
            case ProblemReopened x: When(x); break;
            default: throw new ArgumentException($"{e.GetType().Name} cannot be played onto a reported problem.", nameof(e));
        }
    }

    public ProblemAction? FindAction(Guid actionId) => Actions.Find(a => a.Id == actionId);

    public ExitCriterion? FindExitCriterion(Guid criterionId) => ExitCriteria.Find(c => c.Id == criterionId);

    public static bool IsOverdue(ProblemAction action, DateOnly today) =>
        action.Status == ActionStatus.Open && action.DueOn < today;

    public int OverdueActions(DateOnly today) => Actions.Count(a => IsOverdue(a, today));

    private void When(ProblemDetailsRevised e)
    {
        Title = e.Title ?? Title;
        Statement = e.Statement ?? Statement;
        Category = e.Category ?? Category;
        Risk = e.Risk ?? Risk;
        Location = e.Location ?? Location;
        UpdatedAt = e.RevisedAt;
    }

    private void When(ActionPlanned e)
    {
        Actions.Add(new ProblemAction
        {
            Id = e.ActionId,
            Phase = e.Phase,
            Description = e.Description,
            TeamId = e.TeamId,
            Assignee = e.Assignee,
            DueOn = e.DueOn,
            Status = ActionStatus.Open,
            PlannedAt = e.PlannedAt,
        });
        ActionsChanged(e.PlannedAt);
    }

    private void When(ActionCompleted e)
    {
        var action = ActionFor(e.ActionId);
        action.Status = ActionStatus.Done;
        action.CompletedAt = e.CompletedAt;
        action.CompletedBy = e.By;
        action.Note = e.Note;
        ActionsChanged(e.CompletedAt);
    }

    private void When(ActionReopened e)
    {
        var action = ActionFor(e.ActionId);
        action.Status = ActionStatus.Open;
        action.CompletedAt = null;
        action.CompletedBy = null;
        action.Note = null;
        action.CancelledReason = null;
        ActionsChanged(e.ReopenedAt);
    }

    private void When(ActionCancelled e)
    {
        var action = ActionFor(e.ActionId);
        action.Status = ActionStatus.Cancelled;
        action.CancelledReason = e.Reason;
        ActionsChanged(e.CancelledAt);
    }

    private void When(ActionReassigned e)
    {
        var action = ActionFor(e.ActionId);
        action.TeamId = e.TeamId;
        action.Assignee = e.Assignee;
        ActionsChanged(e.ReassignedAt);
    }

    private void When(ActionRescheduled e)
    {
        ActionFor(e.ActionId).DueOn = e.DueOn;
        ActionsChanged(e.RescheduledAt);
    }

    private void When(NoteAdded e)
    {
        Notes.Add(new Note(e.AddedAt, e.By, e.Text));
        UpdatedAt = e.AddedAt;
    }

    private void When(ExitCriterionAdded e)
    {
        ExitCriteria.Add(new ExitCriterion { Id = e.CriterionId, Phase = e.Phase, Text = e.Text });
        UpdatedAt = e.AddedAt;
    }

    private void When(ExitCriterionMet e)
    {
        var criterion = FindExitCriterion(e.CriterionId) ?? throw Unknown("exit criterion", e.CriterionId);
        criterion.Met = true;
        criterion.MetAt = e.MetAt;
        criterion.Evidence = e.Evidence;
        criterion.MetBy = e.By;
        UpdatedAt = e.MetAt;
    }

    private void When(ReviewRecorded e)
    {
        Reviews.Add(new Review(e.MeetingOn, e.Rag, e.Decision, e.NextReviewOn, e.By, e.RecordedAt));
        Rag = e.Rag;
        NextReviewOn = e.NextReviewOn;
        RecurredSinceLastReview = false;
        UpdatedAt = e.RecordedAt;
    }

    private void When(RecurrenceLogged e)
    {
        Recurrences.Add(new Recurrence(e.ObservedOn, e.Description, e.Source, e.By, e.LoggedAt));
        // In Clear the harm is still being removed, so a recurrence is expected rather than a warning sign.
        if (Phase != Phase.Clear)
            RecurredSinceLastReview = true;
        UpdatedAt = e.LoggedAt;
    }

    private void When(PhaseAdvanced e)
    {
        Phase = e.To;
        PhaseHistory.Add(new PhaseEntry(e.To, e.AdvancedAt, e.By, e.Override, e.Override is not null));
        UpdatedAt = e.AdvancedAt;
    }

    private void When(PhaseReverted e)
    {
        Phase = e.To;
        PhaseHistory.Add(new PhaseEntry(e.To, e.RevertedAt, e.By, e.Reason, false));
        UpdatedAt = e.RevertedAt;
    }

    private void When(ProblemClosed e)
    {
        Status = ProblemStatus.Closed;
        Outcome = e.Outcome;
        ClosingNote = e.Note;
        DuplicateOf = e.DuplicateOf;
        UpdatedAt = e.ClosedAt;
    }

    private void When(ProblemReopened e)
    {
        Status = ProblemStatus.Open;
        Outcome = null;
        ClosingNote = null;
        DuplicateOf = null;
        UpdatedAt = e.ReopenedAt;
    }

    private ProblemAction ActionFor(Guid actionId) => FindAction(actionId) ?? throw Unknown("action", actionId);

    private InvalidOperationException Unknown(string what, Guid id) =>
        new($"{Reference} has no {what} {id}; its event history is out of order or belongs to another problem.");

    private void ActionsChanged(DateTimeOffset at)
    {
        var open = Actions.Where(a => a.Status == ActionStatus.Open).ToList();
        OpenActions = open.Count;
        OpenActionTeamIds = open.Select(a => a.TeamId).Distinct().ToList();
        EarliestOpenDueOn = open.Count == 0 ? null : open.Min(a => a.DueOn);
        UpdatedAt = at;
    }
}
