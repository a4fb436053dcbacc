using Marten;
using Octans.Api.Setup.Idempotency;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn;

/// <summary>
/// Tokens and cookies that were signed out, by their session id (the "jti" claim), kept until they would have expired anyway.
/// </summary>
public static class EndedSessions
{
    private const string Name = "ended_sessions";
    private static readonly string Table = ReadTables.Qualified(Name);

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn("session_id", "text").AsPrimaryKey();
        table.AddColumn("until", "timestamp with time zone").NotNull();
        table.Index(["until"]);
    });

    /// <summary>Ends the session for good: every node refuses it within moments of the commit.</summary>
    public static async Task EndAsync(IDocumentStore store, UserAccess access, string sessionId, DateTimeOffset until, DateTimeOffset now,
        CancellationToken cancellation)
    {
        await using var session = store.OpenWriteSession();
        session.Queue($"delete from {Table} where until < ?", now);
        session.Queue($"insert into {Table} (session_id, until) values (?, ?) on conflict (session_id) do nothing", sessionId, until);
        UserAccess.AnnounceEnded(session, sessionId, until);
        await session.SaveChangesAsync(cancellation);
        access.Ended(sessionId, until);
    }

    public static Task<List<(string SessionId, DateTimeOffset Until)>> StillRunningAsync(IQuerySession session, DateTimeOffset now,
        CancellationToken cancellation) =>
        session.ReadAsync($"select session_id, until from {Table} where until >= ?",
            row => (row.GetString(0), row.GetFieldValue<DateTimeOffset>(1)), cancellation, now);

    public static async Task<bool> IsEndedAsync(IQuerySession session, string sessionId, CancellationToken cancellation) =>
        (await session.ReadAsync($"select 1 from {Table} where session_id = ?", row => row.GetInt32(0), cancellation, sessionId)).Count > 0;
}
