using Hangfire;
using Marten;

namespace Octans.Api.Setup.Idempotency;

/// <summary>A user's Idempotency-Key and what it was sent with: the route, query and body, as one hash.</summary>
public sealed record IdempotentRequest(Guid UserId, string Key, byte[] Fingerprint);

/// <summary>The first answer to a key, kept to be given again: status, content type, Location and body.</summary>
public sealed record KeptAnswer(byte[] Fingerprint, int Status, string? ContentType, string? Location, byte[] Body);

/// <summary>
/// The answers kept for Idempotency-Keys, one row per user and key. A row is written in the transaction of the write
/// it answers, so it exists exactly when the write does; a row older than <see cref="KeptFor"/> counts for nothing and
/// is swept away every hour.
/// </summary>
public static class IdempotencyKeys
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public const string Name = "idempotency_keys";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string UserId = "user_id", Key = "key", Fingerprint = "fingerprint", Status = "status", ContentType = "content_type",
        Location = "location", Body = "body", KeptAt = "kept_at";

    // Any fixed number: it keeps these advisory locks apart from any other that takes two keys.
    private const int LockClass = 0x1de4;

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(UserId, "uuid").AsPrimaryKey();
        table.AddColumn(Key, "text").AsPrimaryKey();
        table.AddColumn(Fingerprint, "bytea").NotNull();
        table.AddColumn(Status, "integer").NotNull();
        table.AddColumn(ContentType, "text");
        table.AddColumn(Location, "text");
        table.AddColumn(Body, "bytea").NotNull();
        table.AddColumn(KeptAt, "timestamp with time zone").NotNull();
        table.Index([KeptAt]);
    });

    /// <summary>
    /// Takes the key for the rest of the session's transaction, waiting while another request with the same user and
    /// key holds it, then gives the answer kept for it since <paramref name="since"/>, if any.
    /// </summary>
    public static async Task<KeptAnswer?> ClaimAsync(IDocumentSession session, IdempotentRequest request, DateTimeOffset since,
        CancellationToken cancellation)
    {
        KeptAnswer? kept = null;
        await session.ReadAsync(async reader =>
            {
                await reader.NextResultAsync(cancellation);
                if (await reader.ReadAsync(cancellation))
                    kept = new KeptAnswer((byte[])reader[0], reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3), (byte[])reader[4]);
            }, cancellation,
            new Statement("select pg_advisory_xact_lock(?, hashtext(?))", LockClass, $"{request.UserId}:{request.Key}"),
            new Statement($"select {Fingerprint}, {Status}, {ContentType}, {Location}, {Body} from {Table} where {UserId} = ? and {Key} = ? and {KeptAt} > ?",
                request.UserId, request.Key, since));
        return kept;
    }

    /// <summary>Keeps the answer in the session's transaction, in place of one kept for the key more than a day ago.</summary>
    public static Task KeepAsync(IDocumentSession session, IdempotentRequest request, KeptAnswer answer, DateTimeOffset now,
        CancellationToken cancellation) =>
        session.ExecuteAsync(
            $"""
             insert into {Table} ({UserId}, {Key}, {Fingerprint}, {Status}, {ContentType}, {Location}, {Body}, {KeptAt})
             values (?, ?, ?, ?, ?, ?, ?, ?)
             on conflict ({UserId}, {Key}) do update set {Fingerprint} = excluded.{Fingerprint}, {Status} = excluded.{Status},
               {ContentType} = excluded.{ContentType}, {Location} = excluded.{Location}, {Body} = excluded.{Body}, {KeptAt} = excluded.{KeptAt}
             """,
            cancellation, request.UserId, request.Key, request.Fingerprint, answer.Status, answer.ContentType, answer.Location, answer.Body, now);
}

/// <summary>Deletes the answers kept for keys more than a day old, every hour, so the table holds about a day of writes.</summary>
public sealed class IdempotencyKeySweep(IDocumentStore store, TimeProvider clock)
{
    public const string RecurringJobId = "idempotency-key-sweep";

    /// <summary>Registered once the database answers (from DatabaseStartup), as registering touches Hangfire's storage.</summary>
    public static void Register(IServiceProvider services) =>
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<IdempotencyKeySweep>(RecurringJobId, sweep => sweep.SweepAsync(CancellationToken.None), Cron.Hourly());

    public async Task SweepAsync(CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Queue($"delete from {IdempotencyKeys.Table} where {IdempotencyKeys.KeptAt} <= ?", clock.GetUtcNow() - IdempotencyKeys.KeptFor);
        await session.SaveChangesAsync(cancellation);
    }
}
