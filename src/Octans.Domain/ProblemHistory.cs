using System.Security.Cryptography;

namespace Octans.Domain;

/// <summary>
/// A problem's history written the way staff would have typed it in, for the demo and for test and benchmark data:
/// each command is decided by <see cref="ProblemDecisions"/> against the problem as it stood at the command's own
/// instant, and the events it gives are kept in order. The instants may be back-dated, but never go backwards.
/// </summary>
public sealed class ProblemHistory
{
    private readonly List<IProblemEvent> _events = [];
    private int _ids;

    private ProblemHistory(Problem problem) => Problem = problem;

    public Guid ProblemId => Problem.Id;

    /// <summary>The problem as it stands after the latest event.</summary>
    public Problem Problem { get; }

    public IReadOnlyList<IProblemEvent> Events => _events;

    /// <summary>Starts the history with the problem's report. A refused report throws with the refusal's sentence.</summary>
    public static ProblemHistory Report(ReportProblem command, Actor by, DateTimeOffset at)
    {
        var decision = ProblemDecisions.Decide(command, by, at);
        if (decision.IsRefused)
            throw Refused(command.Reference, command, at, decision);
        var history = new ProblemHistory(Problem.Replay(decision.Events));
        history._events.AddRange(decision.Events);
        return history;
    }

    /// <summary>Decides <paramref name="command"/> at <paramref name="at"/> and adds its events. A refusal throws with its sentence.</summary>
    public ProblemHistory Then(IProblemCommand command, Actor by, DateTimeOffset at)
    {
        var decision = Decide(command, by, at);
        return decision.IsRefused ? throw Refused(Problem.Reference, command, at, decision) : Add(decision);
    }

    /// <summary>
    /// Decides <paramref name="command"/> like <see cref="Then"/> but leaves a refused step out, for histories made at
    /// random; answers whether the step was recorded.
    /// </summary>
    public bool Try(IProblemCommand command, Actor by, DateTimeOffset at)
    {
        var decision = Decide(command, by, at);
        if (decision.IsRefused)
            return false;
        Add(decision);
        return true;
    }

    /// <summary>
    /// An id for the next action or exit criterion planned on this problem. The n-th id of a problem is always the same,
    /// so the same steps give the same events.
    /// </summary>
    public Guid NextId()
    {
        Span<byte> name = stackalloc byte[20];
        ProblemId.TryWriteBytes(name);
        BitConverter.TryWriteBytes(name[16..], ++_ids);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(name, hash);
        // Marked as an RFC 9562 version 8 (custom) UUID, so it is never mistaken for a random or time-ordered one.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private Decision Decide(IProblemCommand command, Actor by, DateTimeOffset at)
    {
        var latest = _events[^1].At;
        if (at < latest)
            throw new ArgumentException(
                $"{Problem.Reference}'s history runs forward: {at:u} is before its latest event at {latest:u}.", nameof(at));
        return ProblemDecisions.Decide(Problem, command, by, at);
    }

    private ProblemHistory Add(Decision decision)
    {
        foreach (var e in decision.Events)
        {
            Problem.Play(e);
            Problem.Version++;
            _events.Add(e);
        }
        return this;
    }

    private static InvalidOperationException Refused(string reference, object command, DateTimeOffset at, Decision decision) =>
        new($"{reference}: {command.GetType().Name} on {London.Today(at):yyyy-MM-dd} was refused: {decision.Detail}");
}
