namespace Octans.Domain;

/// <summary>
/// An event with its free text replaced by <see cref="RetentionPolicy.Removed"/>: what people wrote (titles, statements,
/// descriptions, notes, reasons, decisions, evidence, updates, the place in words, an assignee's name, a report's media
/// link). What it did, when, where on the map and by whom on the staff stays, so phases, dates, places and counts are
/// unchanged. Events without free text come back as they were.
/// </summary>
public static class Anonymised
{
    public static T Of<T>(T e) where T : notnull => (T)Event(e);

    private static object Event(object e) => e switch
    {
        ProblemReported r => r with { Title = Removed, Statement = Removed, Location = Place(r.Location)! },
        ProblemDetailsRevised r => r with { Title = Text(r.Title), Statement = Text(r.Statement), Location = Place(r.Location) },
        ActionPlanned a => a with { Description = Removed, Assignee = Text(a.Assignee) },
        ActionCompleted a => a with { Note = Removed },
        ActionReopened a => a with { Reason = Removed },
        ActionCancelled a => a with { Reason = Removed },
        ActionReassigned a => a with { Assignee = Text(a.Assignee) },
        ActionRescheduled a => a with { Reason = Removed },
        NoteAdded n => n with { Text = Removed },
        ExitCriterionAdded c => c with { Text = Removed },
        ExitCriterionMet c => c with { Evidence = Removed },
        ReviewRecorded r => r with { Decision = Removed },
        RecurrenceLogged r => r with { Description = Removed, Place = Place(r.Place) },
        PhaseAdvanced p => p with { Override = Text(p.Override) },
        PhaseReverted p => p with { Reason = Removed },
        ProblemClosed c => c with { Note = Removed },
        ProblemReopened r => r with { Reason = Removed },
        PublicUpdateWritten u => u with { Text = Removed },
        ReportReceived r => r with { Description = Removed, Location = Place(r.Location)!, MediaUrl = Text(r.MediaUrl) },
        ReportDismissed d => d with { Reason = Removed },
        MeetingDecisionRecorded d => d with { Title = Removed, Decision = Removed },
        _ => e,
    };

    private const string Removed = RetentionPolicy.Removed;

    // Text nobody wrote stays absent (an unchanged title, an action with no assignee), so the event says what it said.
    private static string? Text(string? text) => string.IsNullOrEmpty(text) ? text : Removed;

    private static Location? Place(Location? place) => place is null ? null : place with { Description = Text(place.Description)! };
}
