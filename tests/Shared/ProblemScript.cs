using Octans.Domain;

namespace Octans.Testing;

/// <summary>
/// A problem's history for the pack tests and benchmarks, in their words: each call is one command that
/// <see cref="ProblemHistory"/> decides for the coordinator at a chosen business time, so the data is back-dated the
/// way the demo is and every event is one the domain would accept.
/// </summary>
public sealed class ProblemScript
{
    public static readonly Actor Coordinator = new(Guid.Parse("0196a000-0000-7000-8000-0000000000c1"), "Sam Coordinator");

    private readonly ProblemHistory _history;

    private ProblemScript(ProblemHistory history) => _history = history;

    public Guid Id => _history.ProblemId;
    public Problem State => _history.Problem;
    public IReadOnlyList<IProblemEvent> Events => _history.Events;

    public static ProblemScript Report(
        string reference, string title, DateTimeOffset at, string area = "High Town", string category = "Street lighting",
        Risk risk = Risk.Medium, string location = "Wenlock Street, High Town", Guid? id = null) =>
        new(ProblemHistory.Report(
            new ReportProblem(id ?? IdFrom(reference), reference, title,
                $"{title}. Residents have raised it at the partnership meeting.", category, area, risk,
                new Location(location, null, null, null, null, "High Town")),
            Coordinator, at));

    public Guid Plan(string description, Guid team, DateOnly dueOn, DateTimeOffset at, Phase? phase = null)
    {
        var actionId = _history.NextId();
        Then(new PlanAction(actionId, description, team, dueOn, phase), at);
        return actionId;
    }

    public ProblemScript Complete(Guid actionId, string note, DateTimeOffset at) => Then(new CompleteAction(actionId, note), at);

    public ProblemScript Reschedule(Guid actionId, DateOnly dueOn, DateTimeOffset at) =>
        Then(new RescheduleAction(actionId, dueOn, "Waiting for parts."), at);

    public Guid AddCriterion(string text, DateTimeOffset at, Phase? phase = null)
    {
        var criterionId = _history.NextId();
        Then(new AddExitCriterion(criterionId, phase, text), at);
        return criterionId;
    }

    public ProblemScript Meet(Guid criterionId, string evidence, DateTimeOffset at) =>
        Then(new MeetExitCriterion(criterionId, evidence), at);

    public ProblemScript Note(string text, DateTimeOffset at) => Then(new AddNote(text), at);

    public ProblemScript Review(Rag rag, string decision, DateTimeOffset at, DateOnly? nextReviewOn = null) =>
        Then(new RecordReview(London.Today(at), rag, decision, nextReviewOn), at);

    public ProblemScript Recurred(string description, DateOnly observedOn, DateTimeOffset at, string? source = null) =>
        Then(new LogRecurrence(observedOn, description, source), at);

    public ProblemScript Advance(DateTimeOffset at, string? overrideReason = null) => Then(new AdvancePhase(overrideReason), at);

    public ProblemScript Revert(string reason, DateTimeOffset at) => Then(new RevertPhase(reason), at);

    public ProblemScript Close(Outcome outcome, string note, DateTimeOffset at) => Then(new CloseProblem(outcome, note), at);

    public ProblemScript Reopen(string reason, DateTimeOffset at) => Then(new ReopenProblem(reason), at);

    private ProblemScript Then(IProblemCommand command, DateTimeOffset at)
    {
        _history.Then(command, Coordinator, at);
        return this;
    }

    private static Guid IdFrom(string reference)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("problem:" + reference));
        return new Guid(hash.AsSpan(0, 16));
    }
}
