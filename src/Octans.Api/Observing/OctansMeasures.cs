using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Octans.Api.Observing;

/// <summary>
/// Octans' own measures, all on the one meter <see cref="Name"/>. Their labels name kinds of things (a command, an
/// outcome, a kind of pack or email), never a person, a place or any text someone wrote, so each has a handful of series.
/// The waiting work (the inbox, overdue actions, jobs by state) is read from the database by <see cref="WorkWaiting"/>.
/// </summary>
public static class OctansMeasures
{
    public const string Name = "Octans";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Writes = Meter.CreateCounter<long>("octans.writes", "{write}",
        "Changes to problems asked for, by command and by what became of them.");

    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("octans.conflicts", "{conflict}",
        "Changes refused with a 409 because someone else changed the problem first.");

    private static readonly Histogram<double> PackJobs = Meter.CreateHistogram<double>("octans.pack_job.duration", "s",
        "How long each run of a pack's job took, by kind of pack and whether it made the pack or failed.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300] });

    private static readonly Counter<long> ReminderEmails = Meter.CreateCounter<long>("octans.reminder_emails", "{email}",
        "Reminder emails sent, and those the mail server or Notify did not take, by kind of reminder.");

    /// <summary>What became of a change to a problem, by the status of its answer.</summary>
    public static void Write(Type command, int status)
    {
        var outcome = status switch
        {
            200 => "accepted",
            400 => "refused",
            403 => "forbidden",
            404 => "not_found",
            409 => "conflict",
            _ => "other",
        };
        Writes.Add(1, new TagList { { "command", command.Name }, { "outcome", outcome } });
    }

    /// <summary>A 409, for the API and the pages alike.</summary>
    public static void Conflict() => Conflicts.Add(1);

    /// <summary>Runs a pack's job, timing it and noting whether it made the pack or failed (and will be tried again).</summary>
    public static async Task<T> PackJobAsync<T>(string kind, Func<Task<T>> job)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var made = await job();
            outcome = "made";
            return made;
        }
        finally
        {
            PackJobs.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "kind", kind }, { "outcome", outcome } });
        }
    }

    /// <summary>A reminder email taken by the sender (<paramref name="sent"/>) or not.</summary>
    public static void ReminderEmail(string kind, bool sent) =>
        ReminderEmails.Add(1, new TagList { { "kind", kind }, { "outcome", sent ? "sent" : "failed" } });
}
