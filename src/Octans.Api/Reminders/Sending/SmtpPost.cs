using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Octans.Api.Reminders.Sending;

/// <summary>
/// Sends reminders through an SMTP server with MailKit, one connection per email. The Message-Id is made from the
/// person, the kind and the period, so the rare email sent twice (the server took it, then the database could not record
/// it) carries the same id both times.
/// </summary>
public sealed class SmtpPost(ReminderSettings settings) : IReminderPost
{
    public async Task<string> SendAsync(Reminder reminder, CancellationToken cancellation)
    {
        var message = Compose(reminder, settings);
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, cancellation);
        if (settings.Smtp.UserName is { Length: > 0 } user)
            await client.AuthenticateAsync(user, settings.Smtp.Password ?? "", cancellation);
        try
        {
            await client.SendAsync(message, cancellation);
        }
        catch (SmtpCommandException refused) when (refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted)
        {
            throw new ReminderRefused($"The SMTP server refused the address of user {reminder.To.UserId}: {refused.StatusCode}.", refused);
        }
        await client.DisconnectAsync(quit: true, cancellation);
        return message.MessageId!;
    }

    public static MimeMessage Compose(Reminder reminder, ReminderSettings settings)
    {
        var email = ReminderText.Write(reminder, settings);
        var from = MailboxAddress.Parse(settings.Smtp.From);
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = $"{reminder.Kind.ToString().ToLowerInvariant()}.{reminder.Period}.{reminder.To.UserId:N}@{from.Domain}",
            Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(reminder.To.Name, reminder.To.Email));
        // RFC 3834: an automatic message, which out-of-office replies leave alone.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
