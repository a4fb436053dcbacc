using MailKit.Security;

namespace Octans.Api.Reminders;

/// <summary>Who sends the reminders: nobody, an SMTP server, or GOV.UK Notify.</summary>
public enum ReminderSender { None, Smtp, Notify }

/// <summary>
/// The reminders' configuration, under <c>Octans:Reminders</c>. With the sender <see cref="ReminderSender.None"/>, the
/// default, no reminder job is scheduled, so Octans runs without a mail server.
/// </summary>
public sealed record ReminderSettings(
    ReminderSender Sender,
    Uri SiteAddress,
    string TeamSchedule,
    string CoordinatorSchedule,
    SmtpSettings Smtp,
    NotifySettings Notify)
{
    public const string Section = "Octans:Reminders";

    /// <summary>Mondays at 07:00 London time.</summary>
    public const string WeeklyCron = "0 7 * * 1";

    /// <summary>Every day at 07:00 London time.</summary>
    public const string DailyCron = "0 7 * * *";

    /// <summary>The settings as configured; throws, saying what is missing, when the chosen sender cannot work.</summary>
    public static ReminderSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var sender = Enum.TryParse<ReminderSender>(section["Sender"], ignoreCase: true, out var chosen) ? chosen
            : string.IsNullOrWhiteSpace(section["Sender"]) ? ReminderSender.None
            : throw new InvalidOperationException($"{Section}:Sender is '{section["Sender"]}'; it must be None, Smtp or Notify.");
        var site = section["SiteAddress"] is { Length: > 0 } address ? address : "http://localhost:5080";
        if (!Uri.TryCreate(site, UriKind.Absolute, out var siteAddress) || siteAddress.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{Section}:SiteAddress must be the address people open Octans at, such as https://octans.example.org.");

        var smtp = new SmtpSettings(
            section["Smtp:Host"] is { Length: > 0 } host ? host : "localhost",
            section.GetValue("Smtp:Port", 25),
            section.GetValue("Smtp:Security", SecureSocketOptions.Auto),
            section["Smtp:UserName"],
            section["Smtp:Password"],
            section["From"] ?? "",
            section.GetValue("Smtp:Timeout", TimeSpan.FromSeconds(30)));
        var notify = new NotifySettings(section["Notify:ApiKey"] ?? "", section["Notify:TeamTemplate"] ?? "", section["Notify:CoordinatorTemplate"] ?? "");

        var missing = sender switch
        {
            ReminderSender.Smtp when !MimeKit.MailboxAddress.TryParse(smtp.From, out _) =>
                $"{Section}:From, the address reminders come from (such as \"Octans <octans@council.example>\")",
            ReminderSender.Notify when notify.ApiKey.Length == 0 => $"{Section}:Notify:ApiKey",
            ReminderSender.Notify when !Guid.TryParse(notify.TeamTemplate, out _) => $"{Section}:Notify:TeamTemplate, the id of the team email's template",
            ReminderSender.Notify when !Guid.TryParse(notify.CoordinatorTemplate, out _) =>
                $"{Section}:Notify:CoordinatorTemplate, the id of the coordinator email's template",
            _ => null,
        };
        if (missing is not null)
            throw new InvalidOperationException($"Reminders are sent by {sender}, which needs {missing}.");

        return new ReminderSettings(sender, siteAddress,
            section["TeamSchedule"] is { Length: > 0 } weekly ? weekly : WeeklyCron,
            section["CoordinatorSchedule"] is { Length: > 0 } daily ? daily : DailyCron,
            smtp, notify);
    }

    /// <summary>An address within Octans, for a link in an email.</summary>
    public string Link(string path) => new Uri(SiteAddress, path).AbsoluteUri;
}

public sealed record SmtpSettings(
    string Host, int Port, SecureSocketOptions Security, string? UserName, string? Password, string From, TimeSpan Timeout)
{
    // A record would print its password wherever it is logged.
    public override string ToString() => $"{Host}:{Port}";
}

public sealed record NotifySettings(string ApiKey, string TeamTemplate, string CoordinatorTemplate)
{
    public override string ToString() => $"GOV.UK Notify, templates {TeamTemplate} and {CoordinatorTemplate}";
}
