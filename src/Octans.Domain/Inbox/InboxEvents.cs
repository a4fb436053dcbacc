namespace Octans.Domain;

/// <summary>Something that happened to a report waiting in the inbox; a report is its own stream, apart from problems.</summary>
public interface IInboxEvent
{
    Guid ReportId { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// A report reached the inbox. <paramref name="ReceivedAt"/> is when it was made (a CSV export's date, or when it arrived);
/// <paramref name="TakenAt"/> when Octans took it. <paramref name="By"/> is the member of staff who took it or uploaded it,
/// null for a report another system sent; <paramref name="Source"/> says where it came from ("Open311: FixMyStreet",
/// "CSV upload", "Phone", "Patrol") and <paramref name="SourceReference"/> its id there, if any. Nothing about the reporter.
/// </summary>
public sealed record ReportReceived(
    Guid ReportId, string Area, string Source, string? SourceReference, string Category, string Description, Location Location,
    DateTimeOffset ReceivedAt, string? MediaUrl, Actor? By, DateTimeOffset TakenAt) : IInboxEvent
{
    DateTimeOffset IInboxEvent.At => TakenAt;
}

public sealed record ReportAttached(Guid ReportId, Guid ProblemId, Actor By, DateTimeOffset AttachedAt) : IInboxEvent
{
    DateTimeOffset IInboxEvent.At => AttachedAt;
}

public sealed record ReportPromoted(Guid ReportId, Guid ProblemId, Actor By, DateTimeOffset PromotedAt) : IInboxEvent
{
    DateTimeOffset IInboxEvent.At => PromotedAt;
}

public sealed record ReportDismissed(Guid ReportId, string Reason, Actor By, DateTimeOffset DismissedAt) : IInboxEvent
{
    DateTimeOffset IInboxEvent.At => DismissedAt;
}

public static class InboxEvents
{
    public static IReadOnlyList<Type> All { get; } =
        [typeof(ReportReceived), typeof(ReportAttached), typeof(ReportPromoted), typeof(ReportDismissed)];
}
