namespace Octans.Domain;

/// <summary>
/// A place-based problem, built from its events. Marten keeps it as an inline snapshot, and it is the read model
/// of the problem page, so every piece of state has a public setter.
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
    public DateTimeOffset UpdatedAt { get; set; }

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

    public static Problem Create(ProblemReported e) => new()
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
                problem = Create(e as ProblemReported ?? throw new ArgumentException(
                    $"A problem's history starts with {nameof(ProblemReported)}, not {e.GetType().Name}.", nameof(history)));
            else
                problem.Play(e);
            problem.Version++;
        }
        return problem ?? throw new ArgumentException("A problem's history has at least its report.", nameof(history));
    }

    /// <summary>Moves this problem on by one event, as Marten does with the matching Apply.</summary>
    public void Play(IProblemEvent e)
    {
        switch (e)
        {
            case ProblemDetailsRevised x: Apply(x); break;
            case ActionPlanned x: Apply(x); break;
            case ActionCompleted x: Apply(x); break;
            case ActionReopened x: Apply(x); break;
            case ActionCancelled x: Apply(x); break;
            case ActionReassigned x: Apply(x); break;
            case ActionRescheduled x: Apply(x); break;
            case NoteAdded x: Apply(x); break;
            case ExitCriterionAdded x: Apply(x); break;
            case ExitCriterionMet x: Apply(x); break;
            case ReviewRecorded x: Apply(x); break;
            case RecurrenceLogged x: Apply(x); break;
            case PhaseAdvanced x: Apply(x); break;
            case PhaseReverted x: Apply(x); break;
            case ProblemClosed x: Apply(x); break;
            case ProblemReopened x: Apply(x); break;
            default: throw new ArgumentException($"{e.GetType().Name} cannot be played onto a reported problem.", nameof(e));
        }
    }

    public ProblemAction? FindAction(Guid actionId) => Actions.Find(a => a.Id == actionId);

    public ExitCriterion? FindExitCriterion(Guid criterionId) => ExitCriteria.Find(c => c.Id == criterionId);

    public static bool IsOverdue(ProblemAction action, DateOnly today) =>
        action.Status == ActionStatus.Open && action.DueOn < today;

    public int OverdueActions(DateOnly today) => Actions.Count(a => IsOverdue(a, today));

    public void Apply(ProblemDetailsRevised e)
    {
        Title = e.Title ?? Title;
        Statement = e.Statement ?? Statement;
        Category = e.Category ?? Category;
        Risk = e.Risk ?? Risk;
        Location = e.Location ?? Location;
        UpdatedAt = e.RevisedAt;
    }

    public void Apply(ActionPlanned e)
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

    public void Apply(ActionCompleted e)
    {
        var action = ActionFor(e.ActionId);
        action.Status = ActionStatus.Done;
        action.CompletedAt = e.CompletedAt;
        action.CompletedBy = e.By;
        action.Note = e.Note;
        ActionsChanged(e.CompletedAt);
    }

    public void Apply(ActionReopened e)
    {
        var action = ActionFor(e.ActionId);
        action.Status = ActionStatus.Open;
        action.CompletedAt = null;
        action.CompletedBy = null;
        action.Note = null;
        action.CancelledReason = null;
        ActionsChanged(e.ReopenedAt);
    }

    public void Apply(ActionCancelled e)
    {
        var action = ActionFor(e.ActionId);
        action.Status = ActionStatus.Cancelled;
        action.CancelledReason = e.Reason;
        ActionsChanged(e.CancelledAt);
    }

    public void Apply(ActionReassigned e)
    {
        var action = ActionFor(e.ActionId);
        action.TeamId = e.TeamId;
        action.Assignee = e.Assignee;
        ActionsChanged(e.ReassignedAt);
    }

    public void Apply(ActionRescheduled e)
    {
        ActionFor(e.ActionId).DueOn = e.DueOn;
        ActionsChanged(e.RescheduledAt);
    }

    public void Apply(NoteAdded e)
    {
        Notes.Add(new Note(e.AddedAt, e.By, e.Text));
        UpdatedAt = e.AddedAt;
    }

    public void Apply(ExitCriterionAdded e)
    {
        ExitCriteria.Add(new ExitCriterion { Id = e.CriterionId, Phase = e.Phase, Text = e.Text });
        UpdatedAt = e.AddedAt;
    }

    public void Apply(ExitCriterionMet e)
    {
        var criterion = FindExitCriterion(e.CriterionId) ?? throw Unknown("exit criterion", e.CriterionId);
        criterion.Met = true;
        criterion.MetAt = e.MetAt;
        criterion.Evidence = e.Evidence;
        criterion.MetBy = e.By;
        UpdatedAt = e.MetAt;
    }

    public void Apply(ReviewRecorded e)
    {
        Reviews.Add(new Review(e.MeetingOn, e.Rag, e.Decision, e.NextReviewOn, e.By, e.RecordedAt));
        Rag = e.Rag;
        NextReviewOn = e.NextReviewOn;
        RecurredSinceLastReview = false;
        UpdatedAt = e.RecordedAt;
    }

    public void Apply(RecurrenceLogged e)
    {
        Recurrences.Add(new Recurrence(e.ObservedOn, e.Description, e.Source, e.By, e.LoggedAt));
        // In Clear the harm is still being removed, so a recurrence is expected rather than a warning sign.
        if (Phase != Phase.Clear)
            RecurredSinceLastReview = true;
        UpdatedAt = e.LoggedAt;
    }

    public void Apply(PhaseAdvanced e)
    {
        Phase = e.To;
        PhaseHistory.Add(new PhaseEntry(e.To, e.AdvancedAt, e.By, e.Override, e.Override is not null));
        UpdatedAt = e.AdvancedAt;
    }

    public void Apply(PhaseReverted e)
    {
        Phase = e.To;
        PhaseHistory.Add(new PhaseEntry(e.To, e.RevertedAt, e.By, e.Reason, false));
        UpdatedAt = e.RevertedAt;
    }

    public void Apply(ProblemClosed e)
    {
        Status = ProblemStatus.Closed;
        Outcome = e.Outcome;
        ClosingNote = e.Note;
        DuplicateOf = e.DuplicateOf;
        UpdatedAt = e.ClosedAt;
    }

    public void Apply(ProblemReopened e)
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
