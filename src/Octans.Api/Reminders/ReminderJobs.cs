using System.ComponentModel;
using Hangfire;
using Marten;
using Octans.Api.Observing;
using Octans.Api.Reminders.Sending;
using Octans.Domain;

namespace Octans.Api.Reminders;

/// <summary>
/// The Hangfire jobs that send the reminders. Each email is claimed in <see cref="RemindersSent"/> and sent inside one
/// transaction, which commits only after the sender took it: an email is sent once per person and period however many
/// nodes run the job and however often it is retried. When any could not be sent the job fails, after trying the rest,
/// and Hangfire's retry sends just those.
/// </summary>
public sealed class ReminderJobs(IDocumentStore store, IReminderPost post, TimeProvider clock, ILogger<ReminderJobs> logger)
{
    [DisplayName("Reminders: each team's week")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<int> SendTeamRemindersAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await SendEachAsync(await ReminderContent.ForTeamsAsync(session, Today(), cancellation), cancellation);
    }

    [DisplayName("Reminders: each coordinator's day")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [60, 300, 900, 1800, 3600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task<int> SendCoordinatorRemindersAsync(CancellationToken cancellation)
    {
        await using (var sweep = store.LightweightSession())
        {
            RemindersSent.ForgetBefore(sweep, clock.GetUtcNow() - RemindersSent.KeptFor);
            await sweep.SaveChangesAsync(cancellation);
        }
        await using var session = store.QuerySession();
        return await SendEachAsync(await ReminderContent.ForCoordinatorsAsync(session, Today(), cancellation), cancellation);
    }

    private DateOnly Today() => London.Today(clock.GetUtcNow());

    /// <summary>Sends each reminder not sent yet, and answers how many were sent now.</summary>
    private async Task<int> SendEachAsync(IReadOnlyList<Reminder> reminders, CancellationToken cancellation)
    {
        var (sent, failed) = (0, new List<Exception>());
        foreach (var reminder in reminders)
        {
            try
            {
                if (!await SendOnceAsync(reminder, cancellation)) continue;
                sent++;
                OctansMeasures.ReminderEmail(KindOf(reminder), sent: true);
            }
            catch (ReminderRefused refused)
            {
                failed.Add(refused);
                OctansMeasures.ReminderEmail(KindOf(reminder), sent: false);
            }
            catch (Exception down) when (!cancellation.IsCancellationRequested)
            {
                OctansMeasures.ReminderEmail(KindOf(reminder), sent: false);
                // The server is down or unreachable: the rest would wait for it in turn; the retry sends them all.
                failed.Add(down);
                break;
            }
        }
        if (sent > 0)
            logger.LogInformation("Sent {Sent} reminders ({Kind})", sent, reminders[0].Kind);
        if (failed.Count > 0)
            throw new AggregateException(
                $"{failed.Count} of {reminders.Count} reminders ({reminders[0].Kind}, {reminders[0].Period}) could not be sent; " +
                "Hangfire tries again, and those sent already are not sent again.", failed);
        return sent;
    }

    private static string KindOf(Reminder reminder) => reminder.Kind == ReminderKind.TeamWeek ? "team_week" : "coordinator_day";

    private async Task<bool> SendOnceAsync(Reminder reminder, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (!await RemindersSent.ClaimAsync(session, reminder, clock.GetUtcNow(), cancellation))
            return false;
        RemindersSent.Sent(session, reminder, await post.SendAsync(reminder, cancellation));
        await session.SaveChangesAsync(cancellation);
        return true;
    }
}
