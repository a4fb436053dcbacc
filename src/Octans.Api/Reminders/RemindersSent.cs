using Marten;
using Octans.Api.Setup;

namespace Octans.Api.Reminders;

/// <summary>
/// The reminders sent: one row per person, kind and period, which is its key. A row is inserted before its email is sent and
/// committed only once the email has been handed over, in one transaction; so a failure to send leaves no row and the
/// retry sends it, and a second node sending the same reminder at the same time waits on the row and then finds it sent.
/// </summary>
public static class RemindersSent
{
    public const string Name = "reminders_sent";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string UserId = "user_id", Kind = "kind", Period = "period", SentAt = "sent_at", Reference = "reference";

    /// <summary>Long enough that no retry or late run of a period can come after its rows are gone.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(60);

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(UserId, "uuid").AsPrimaryKey();
        table.AddColumn(Kind, "text").AsPrimaryKey();
        table.AddColumn(Period, "text").AsPrimaryKey();
        table.AddColumn(SentAt, "timestamp with time zone").NotNull();
        table.AddColumn(Reference, "text");
        table.Index([SentAt]);
    });

    /// <summary>
    /// Takes the reminder for sending in the session's transaction: false when it has been sent already. While the
    /// transaction is open, anyone else taking the same reminder waits for it to commit or roll back.
    /// </summary>
    public static async Task<bool> ClaimAsync(IDocumentSession session, Reminder reminder, DateTimeOffset now, CancellationToken cancellation) =>
        await session.ExecuteAsync(
            $"insert into {Table} ({UserId}, {Kind}, {Period}, {SentAt}) values (?, ?, ?, ?) on conflict do nothing",
            cancellation, reminder.To.UserId, reminder.Kind, reminder.Period, now) == 1;

    /// <summary>Keeps the reference the sender gave the email, committing the claim with the session's SaveChanges.</summary>
    public static void Sent(IDocumentSession session, Reminder reminder, string reference) =>
        session.Queue($"update {Table} set {Reference} = ? where {UserId} = ? and {Kind} = ? and {Period} = ?",
            reference, reminder.To.UserId, reminder.Kind, reminder.Period);

    public static Task<bool> WasSentAsync(IQuerySession session, Guid userId, ReminderKind kind, string period, CancellationToken cancellation) =>
        session.ReadFirstAsync($"select true from {Table} where {UserId} = ? and {Kind} = ? and {Period} = ?", r => r.GetBoolean(0),
            cancellation, userId, kind, period);

    public static void ForgetBefore(IDocumentSession session, DateTimeOffset before) =>
        session.Queue($"delete from {Table} where {SentAt} < ?", before);
}
