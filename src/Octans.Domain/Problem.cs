namespace Octans.Domain;

/// <summary>
/// A place-based problem as its decisions see it, built from its events with <see cref="From"/> and <see cref="Play"/>:
/// only what the rules read — its phase and status, its details (to tell a revision that changes nothing), its actions
/// and exit criteria — and never the text of notes, reviews or the timeline, so deciding costs the same however long
/// the problem's history grows. What the pages and the API show comes from the read models. The store keeps it as a
/// snapshot updated with every write, so every piece of state has a public setter.
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
    public Location Location { get; set; } = new("", null, null, null, null, null);
    public Phase Phase { get; set; }
    public ProblemStatus Status { get; set; }

    /// <summary>Marked sensitive itself; its category may also be, which only the reference data knows.</summary>
    public bool Sensitive { get; set; }

    /// <summary>The partner teams who may see it while it is marked sensitive, besides coordinators and administrators.</summary>
    public List<Guid> SensitiveTo { get; set; } = [];

    public List<ProblemAction> Actions { get; set; } = [];
    public List<ExitCriterion> ExitCriteria { get; set; } = [];

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

    /// <summary>Moves this problem on by one event. Events that change nothing the rules read leave it as it is.</summary>
    public void Play(IProblemEvent e)
    {
        switch (e)
        {
            case ProblemReported: throw new ArgumentException("A problem is reported once, at the start of its history.", nameof(e));
            case ProblemDetailsRevised x: When(x); break;
            case ActionPlanned x:
                Actions.Add(new ProblemAction
                {
                    Id = x.ActionId, Phase = x.Phase, Description = x.Description, TeamId = x.TeamId, DueOn = x.DueOn, Status = ActionStatus.Open,
                });
                break;
            case ActionCompleted x: ActionFor(x.ActionId).Status = ActionStatus.Done; break;
            case ActionReopened x: ActionFor(x.ActionId).Status = ActionStatus.Open; break;
            case ActionCancelled x: ActionFor(x.ActionId).Status = ActionStatus.Cancelled; break;
            case ActionReassigned x: ActionFor(x.ActionId).TeamId = x.TeamId; break;
            case ActionRescheduled x: ActionFor(x.ActionId).DueOn = x.DueOn; break;
            case ExitCriterionAdded x: ExitCriteria.Add(new ExitCriterion { Id = x.CriterionId, Phase = x.Phase, Text = x.Text }); break;
            case ExitCriterionMet x: (FindExitCriterion(x.CriterionId) ?? throw Unknown("exit criterion", x.CriterionId)).Met = true; break;
            case PhaseAdvanced x: Phase = x.To; break;
            case PhaseReverted x: Phase = x.To; break;
            case ProblemClosed: Status = ProblemStatus.Closed; break;
            case ProblemReopened: Status = ProblemStatus.Open; break;
            case PhotoAdded { ActionId: { } action }: ActionFor(action).Photos++; break;
            case PhotoAdded { CriterionId: { } criterion }: (FindExitCriterion(criterion) ?? throw Unknown("exit criterion", criterion)).Photos++; break;
            case SensitivityChanged x: (Sensitive, SensitiveTo) = (x.Sensitive, [.. x.Teams]); break;
            case NoteAdded or ReviewRecorded or RecurrenceLogged or PublicUpdateWritten: break;
            default: throw new ArgumentException($"{e.GetType().Name} cannot be played onto a reported problem.", nameof(e));
        }
    }

    public ProblemAction? FindAction(Guid actionId) => Actions.Find(a => a.Id == actionId);

    public ExitCriterion? FindExitCriterion(Guid criterionId) => ExitCriteria.Find(c => c.Id == criterionId);

    public static bool IsOverdue(ProblemAction action, DateOnly today) =>
        action.Status == ActionStatus.Open && action.DueOn < today;

    public int OverdueActions(DateOnly today) => Actions.Count(a => IsOverdue(a, today));

    /// <summary>Whether anything says when the phase is done: without an exit criterion, moving on from it takes a reason.</summary>
    public bool HasExitCriteria(Phase phase) => ExitCriteria.Any(c => c.Phase == phase);

    /// <summary>The actions of this phase still open, and its exit criteria not yet met: what keeps it from moving on.</summary>
    public (IReadOnlyList<ProblemAction> OpenActions, IReadOnlyList<ExitCriterion> UnmetCriteria) Remaining(Phase phase) =>
        (Actions.Where(a => a.Phase == phase && a.Status == ActionStatus.Open).ToList(),
         ExitCriteria.Where(c => c.Phase == phase && !c.Met).ToList());

    private void When(ProblemDetailsRevised e)
    {
        Title = e.Title ?? Title;
        Statement = e.Statement ?? Statement;
        Category = e.Category ?? Category;
        Risk = e.Risk ?? Risk;
        Location = e.Location ?? Location;
    }

    private ProblemAction ActionFor(Guid actionId) => FindAction(actionId) ?? throw Unknown("action", actionId);

    private InvalidOperationException Unknown(string what, Guid id) =>
        new($"{Reference} has no {what} {id}; its event history is out of order or belongs to another problem.");
}
