namespace Octans.Domain;

/// <summary>Why a problem is on a meeting's agenda.</summary>
public enum AgendaReason { DueForReview, RecurredSinceLastReview, NewReportsNearby, OverdueActions, NewProblem, Added }

/// <summary>
/// What the record says about an open problem of the meeting's area, as the agenda needs it. The counts are of what
/// came after its last review (or ever, never reviewed): recurrences logged, including reports attached to it, and
/// reports waiting in the inbox near its place.
/// </summary>
public sealed record ProblemOnRecord(
    Guid Id, string Reference, string Title, Phase Phase, Rag? Rag, DateOnly ReportedOn, DateOnly? LastReviewOn,
    DateOnly? NextReviewOn, int RecurrencesSinceReview, int ReportsNearbySinceReview, IReadOnlyList<DateOnly> OpenActionsDueOn);

/// <summary>A problem on the agenda, why it is there, and the meeting's decision about it once recorded.</summary>
public sealed record AgendaItem(
    Guid ProblemId, string Reference, string Title, Phase Phase, Rag? Rag, IReadOnlyList<AgendaReason> Why, MeetingDecisionRecorded? Decision);

public static class Agenda
{
    /// <summary>
    /// The meeting's agenda, in reference order: each problem the record puts there, or a coordinator added, and not dropped;
    /// a problem decided at the meeting stays as it stood when decided, although its review answers the reasons.
    /// <paramref name="previousMeetingOn"/> is the day of the area's meeting before this one, if any.
    /// </summary>
    public static IReadOnlyList<AgendaItem> Build(Meeting meeting, IEnumerable<ProblemOnRecord> record, DateOnly? previousMeetingOn)
    {
        var items = meeting.Decisions
            .Select(d => new AgendaItem(d.ProblemId, d.Reference, d.Title, d.Phase, d.Rag, d.Why, d))
            .ToList();
        foreach (var problem in record)
        {
            if (meeting.DecisionOn(problem.Id) is not null || meeting.Dropped.Contains(problem.Id)) continue;
            var why = Reasons(problem, meeting.HeldOn, previousMeetingOn).ToList();
            if (meeting.Added.Contains(problem.Id)) why.Add(AgendaReason.Added);
            if (why.Count > 0) items.Add(new AgendaItem(problem.Id, problem.Reference, problem.Title, problem.Phase, problem.Rag, why, null));
        }
        return [.. items.OrderBy(i => i.Reference, AgendaOrder.Instance)];
    }

    /// <summary>Why the record puts an open problem on the agenda of a meeting held on <paramref name="heldOn"/>.</summary>
    public static IEnumerable<AgendaReason> Reasons(ProblemOnRecord problem, DateOnly heldOn, DateOnly? previousMeetingOn)
    {
        if (problem.NextReviewOn is { } next && next <= heldOn) yield return AgendaReason.DueForReview;
        if (problem.RecurrencesSinceReview > 0) yield return AgendaReason.RecurredSinceLastReview;
        if (problem.ReportsNearbySinceReview > 0) yield return AgendaReason.NewReportsNearby;
        // Overdue by the day of the meeting, which is what the room will see.
        if (problem.OpenActionsDueOn.Any(due => due < heldOn)) yield return AgendaReason.OverdueActions;
        if (problem.LastReviewOn is null && (previousMeetingOn is not { } previous || problem.ReportedOn >= previous))
            yield return AgendaReason.NewProblem;
    }

    /// <summary>"Due for review", "Recurred since its last review"…: a reason as a coordinator says it.</summary>
    public static string Describe(AgendaReason reason) => reason switch
    {
        AgendaReason.DueForReview => "Due for review",
        AgendaReason.RecurredSinceLastReview => "Recurred since its last review",
        AgendaReason.NewReportsNearby => "New reports nearby",
        AgendaReason.OverdueActions => "Overdue actions",
        AgendaReason.NewProblem => "New problem",
        _ => "Added by a coordinator",
    };
}

/// <summary>References in the order they were given: HT-0009 before HT-0010, and HT-9999 before HT-10000.</summary>
public sealed class AgendaOrder : IComparer<string>
{
    public static readonly AgendaOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var byLength = (x?.Length ?? 0).CompareTo(y?.Length ?? 0);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }
}
