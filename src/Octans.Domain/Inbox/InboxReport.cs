namespace Octans.Domain;

public enum InboxState { New, Attached, Promoted, Dismissed }

/// <summary>A report in the inbox as its decisions see it, built from its events with <see cref="From"/> and <see cref="Play"/>.</summary>
public sealed class InboxReport
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Area { get; set; } = "";
    public string Source { get; set; } = "";
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";
    public Location Location { get; set; } = new("", null, null, null, null, null);
    public DateTimeOffset ReceivedAt { get; set; }
    public InboxState State { get; set; }
    public Guid? ProblemId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public static InboxReport From(ReportReceived e) => new()
    {
        Id = e.ReportId, Version = 1, Area = e.Area, Source = e.Source, Category = e.Category, Description = e.Description,
        Location = e.Location, ReceivedAt = e.ReceivedAt, State = InboxState.New,
    };

    public static InboxReport Replay(IEnumerable<IInboxEvent> events)
    {
        InboxReport? report = null;
        foreach (var e in events)
        {
            if (report is null) report = From((ReportReceived)e);
            else report.Play(e);
        }
        return report ?? throw new ArgumentException("A report's history starts with ReportReceived.", nameof(events));
    }

    public void Play(IInboxEvent e)
    {
        switch (e)
        {
            case ReportAttached attached:
                (State, ProblemId) = (InboxState.Attached, attached.ProblemId);
                break;
            case ReportPromoted promoted:
                (State, ProblemId) = (InboxState.Promoted, promoted.ProblemId);
                break;
            case ReportDismissed:
                State = InboxState.Dismissed;
                break;
        }
        if (e is not ReportReceived) DecidedAt = e.At;
        Version++;
    }

    /// <summary>
    /// The recurrence this report makes on the problem it is attached to: seen on the day it was received (in London), from
    /// its source, at its place, its description cut to a recurrence's length.
    /// </summary>
    public LogRecurrence AsRecurrence() => new(
        London.Today(ReceivedAt), Shortened(Description, TextLimits.Description), Shortened(Source, TextLimits.Source), Location);

    private static string Shortened(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
}
