using Marten;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn;

/// <summary>
/// Failed sign-ins in a row, counted by one statement each so racing attempts all add up. They are counted per email
/// and network address, and per email from anywhere: five in a row from one address pause that address's sign-ins to the
/// account for 15 minutes, so someone elsewhere cannot lock the real user out; fifty in a row from anywhere pause the whole
/// account, which takes an attacker ten addresses every 15 minutes. Unknown emails are counted the same way, so a refusal
/// costs the same whether the account exists or not.
/// </summary>
public static class SignInFailures
{
    public const int AttemptsBeforeLockout = 5;
    public const int AttemptsBeforeAccountLockout = 50;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>The address under which failures from anywhere are counted.</summary>
    public const string Anywhere = "*";

    private const string Name = "sign_in_failures";
    public static readonly string Table = ReadTables.Qualified(Name);
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn("email", "text").AsPrimaryKey();
        table.AddColumn("address", "text").AsPrimaryKey();
        table.AddColumn("failures", "integer").NotNull();
        table.AddColumn("locked_until", "timestamp with time zone");
        table.AddColumn("last_at", "timestamp with time zone").NotNull();
        table.Index(["last_at"]);
    });

    /// <summary>When sign-ins to the account from the address may start again, or null when they may now.</summary>
    public static Task<DateTimeOffset?> LockedUntilAsync(IQuerySession session, string email, string address, DateTimeOffset now,
        CancellationToken cancellation) =>
        session.ReadFirstAsync($"select max(locked_until) from {Table} where email = ? and address in (?, ?) and locked_until > ?",
            row => row.IsDBNull(0) ? (DateTimeOffset?)null : row.GetFieldValue<DateTimeOffset>(0), cancellation, email, address, Anywhere, now);

    /// <summary>Counts one more failure from the address and from anywhere, locking either that reaches its limit.</summary>
    public static Task CountAsync(IDocumentSession session, string email, string address, DateTimeOffset now, CancellationToken cancellation)
    {
        var until = now + LockoutDuration;
        // A lock that has run out starts the count again; a lock still running stays as it is.
        session.Queue($"""
            insert into {Table} as f (email, address, failures, locked_until, last_at) values (?, ?, 1, null, ?), (?, ?, 1, null, ?)
            on conflict (email, address) do update set
              failures = case when f.locked_until <= ? then 1 else f.failures + 1 end,
              locked_until = case
                when f.locked_until > ? then f.locked_until
                when f.locked_until is null and f.failures + 1 >= (case when f.address = ? then ? else ? end) then ?
                end,
              last_at = ?
            """, email, address, now, email, Anywhere, now, now, now, Anywhere, AttemptsBeforeAccountLockout, AttemptsBeforeLockout, until, now);
        session.Queue($"delete from {Table} where ctid in (select ctid from {Table} where last_at < ? and (locked_until is null or locked_until < ?) limit 20)",
            now - ForgetAfter, now);
        return session.SaveChangesAsync(cancellation);
    }

    /// <summary>A right password from the address starts both counts again.</summary>
    public static void Forget(IDocumentSession session, string email, string address) =>
        session.Queue($"delete from {Table} where email = ? and address in (?, ?)", email, address, Anywhere);

    /// <summary>An administrator re-enabling the account lifts every lock on it.</summary>
    public static void ForgetAll(IDocumentSession session, string email) =>
        session.Queue($"delete from {Table} where email = ?", email);

    /// <summary>The accounts locked for everyone just now, for the administrators' list.</summary>
    public static async Task<IReadOnlyDictionary<string, DateTimeOffset>> LockedAccountsAsync(IQuerySession session, DateTimeOffset now,
        CancellationToken cancellation) =>
        (await session.ReadAsync($"select email, locked_until from {Table} where address = ? and locked_until > ?",
            row => (Email: row.GetString(0), Until: row.GetFieldValue<DateTimeOffset>(1)), cancellation, Anywhere, now))
        .ToDictionary(row => row.Email, row => row.Until);
}
