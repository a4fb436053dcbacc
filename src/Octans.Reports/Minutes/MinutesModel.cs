using Octans.Domain;

namespace Octans.Reports.Minutes;

/// <summary>One decision in the minutes, with the item as it stood on the agenda.</summary>
public sealed record MinutesItem(
    string Reference, string Title, Phase Phase, IReadOnlyList<AgendaReason> Why, Rag Rag, string Decision, DateOnly? NextReviewOn, string By);

/// <summary>
/// A meeting's minutes: its decisions in agenda order. <see cref="RecordedUntil"/>, the moment of the last decision (or
/// the start of the meeting's day when none), dates the document, so the same decisions give the same bytes.
/// </summary>
public sealed record MinutesModel(string Area, MeetingKind Kind, DateOnly HeldOn, IReadOnlyList<MinutesItem> Decisions, DateTimeOffset RecordedUntil)
{
    public string Title => $"{Area} {KindName(Kind)} meeting, {Octans.Domain.London.Written(HeldOn)}";

    public static string KindName(MeetingKind kind) => kind == MeetingKind.Pathways ? "Pathways" : "tasking";

    /// <summary>The minutes of the meeting, less the decisions on the problems <paramref name="leftOut"/> names (those the reader may not see).</summary>
    public static MinutesModel From(Meeting meeting, IReadOnlySet<Guid>? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var minutes = meeting.Minutes();
        return new MinutesModel(meeting.Area, meeting.Kind, meeting.HeldOn,
            [.. minutes.Where(d => leftOut?.Contains(d.ProblemId) != true).Select(d => new MinutesItem(d.Reference, d.Title, d.Phase, d.Why, d.Rag, d.Decision, d.NextReviewOn, d.By.Name))],
            minutes.Count == 0 ? London.StartOfDay(meeting.HeldOn) : minutes.Max(d => d.RecordedAt));
    }
}
