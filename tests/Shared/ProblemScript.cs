using Octans.Domain;

namespace Octans.Testing;

/// <summary>
/// Writes a problem's history through the domain's own decisions at chosen business times, so test and benchmark
/// data is back-dated the way the demo is and every event is one the domain would accept.
/// </summary>
public sealed class ProblemScript
{
    public static readonly Actor Coordinator = new(Guid.Parse("0196a000-0000-7000-8000-0000000000c1"), "Sam Coordinator");

    private readonly List<IProblemEvent> _events = [];
    private Problem _state = null!;
    private int _ids;

    private ProblemScript(Guid id) => Id = id;

    public Guid Id { get; }
    public Problem State => _state;
    public IReadOnlyList<IProblemEvent> Events => _events;

    public static ProblemScript Report(
        string reference, string title, DateTimeOffset at, string area = "High Town", string category = "Street lighting",
        Risk risk = Risk.Medium, string location = "Wenlock Street, High Town", Guid? id = null)
    {
        var script = new ProblemScript(id ?? IdFrom(reference));
        var decision = ProblemDecisions.Decide(
            new ReportProblem(script.Id, reference, title, $"{title}. Residents have raised it at the partnership meeting.", category, area, risk,
                new Location(location, null, null, null, null, "High Town")),
            Coordinator, at);
        script.Record(decision);
        return script;
    }

    public Guid Plan(string description, Guid team, DateOnly dueOn, DateTimeOffset at, Phase? phase = null)
    {
        var actionId = NextId();
        Record(ProblemDecisions.Decide(_state, new PlanAction(actionId, description, team, dueOn, phase), Coordinator, at));
        return actionId;
    }

    public ProblemScript Complete(Guid actionId, string note, DateTimeOffset at) =>
        Record(ProblemDecisions.Decide(_state, new CompleteAction(actionId, note), Coordinator, at));

    public ProblemScript Reschedule(Guid actionId, DateOnly dueOn, DateTimeOffset at) =>
        Record(ProblemDecisions.Decide(_state, new RescheduleAction(actionId, dueOn, "Waiting for parts."), Coordinator, at));

    public Guid AddCriterion(string text, DateTimeOffset at, Phase? phase = null)
    {
        var criterionId = NextId();
        Record(ProblemDecisions.Decide(_state, new AddExitCriterion(criterionId, phase, text), Coordinator, at));
        return criterionId;
    }

    public ProblemScript Meet(Guid criterionId, string evidence, DateTimeOffset at) =>
        Record(ProblemDecisions.Decide(_state, new MeetExitCriterion(criterionId, evidence), Coordinator, at));

    public ProblemScript Note(string text, DateTimeOffset at) =>
        Record(ProblemDecisions.Decide(_state, new AddNote(text), Coordinator, at));

    public ProblemScript Review(Rag rag, string decision, DateTimeOffset at, DateOnly? nextReviewOn = null) =>
        Record(ProblemDecisions.Decide(_state, new RecordReview(London.Today(at), rag, decision, nextReviewOn), Coordinator, at));

    public ProblemScript Recurred(string description, DateOnly observedOn, DateTimeOffset at, string? source = null) =>
        Record(ProblemDecisions.Decide(_state, new LogRecurrence(observedOn, description, source), Coordinator, at));

    public ProblemScript Advance(DateTimeOffset at, string? overrideReason = null) =>
        Record(ProblemDecisions.Decide(_state, new AdvancePhase(overrideReason), Coordinator, at));

    public ProblemScript Revert(string reason, DateTimeOffset at) =>
        Record(ProblemDecisions.Decide(_state, new RevertPhase(reason), Coordinator, at));

    public ProblemScript Close(Outcome outcome, string note, DateTimeOffset at) =>
        Record(ProblemDecisions.Decide(_state, new CloseProblem(outcome, note), Coordinator, at));

    public ProblemScript Reopen(string reason, DateTimeOffset at) =>
        Record(ProblemDecisions.Decide(_state, new ReopenProblem(reason), Coordinator, at));

    private ProblemScript Record(Decision decision)
    {
        if (decision.IsRefused)
            throw new InvalidOperationException($"The script asked for something the domain refuses: {decision.Detail}");
        foreach (var e in decision.Events)
        {
            if (e is ProblemReported reported) _state = Problem.From(reported);
            else _state.Play(e);
            _state.Version++;
            _events.Add(e);
        }
        return this;
    }

    private Guid NextId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Id.TryWriteBytes(bytes);
        BitConverter.TryWriteBytes(bytes[12..], ++_ids);
        return new Guid(bytes);
    }

    private static Guid IdFrom(string reference)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("problem:" + reference));
        return new Guid(hash.AsSpan(0, 16));
    }
}
