namespace Octans.Api.Reminders.Sending;

/// <summary>
/// Hands a reminder to whoever delivers it, SMTP or GOV.UK Notify, and answers the reference it was given there. Throwing
/// means it may not have been sent; <see cref="ReminderRefused"/> means this one reminder was refused and others may go.
/// </summary>
public interface IReminderPost
{
    Task<string> SendAsync(Reminder reminder, CancellationToken cancellation);
}

/// <summary>The server took the message to others but not this one, for example an address it refuses.</summary>
public sealed class ReminderRefused(string message, Exception inner) : Exception(message, inner);
