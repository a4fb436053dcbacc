using Marten;
using Octans.Api.Places;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;

namespace Octans.Api.Inbox;

/// <summary>
/// The open problems near each report, kept on its row so a page of reports reads them rather than searching the spatial
/// index twenty times. A report's kept problems are null until <see cref="RenewNearbyAsync"/> first finds them. Whenever an
/// open problem's pin appears, goes or moves (reported, moved, closed, reopened), the write that does it notes where, in
/// the same transaction (<see cref="PinMoved"/>); until the renewal has forgotten the kept problems of the reports around
/// that place, a page searches afresh for any report within reach of a noted place. So a page is never staler than its own
/// snapshot of the problems, and the renewal runs off every write's path (<see cref="NearbyRenewal"/>).
/// </summary>
public static partial class InboxReports
{
    public const string Pin = "pin", Nearby = "nearby";
    public const string PinChangesName = "pin_changes";
    public static readonly string PinChanges = ReadTables.Qualified(PinChangesName);

    // Any fixed number: it keeps the renewal to one node at a time, and a rebuild's forgetting (ForgetNearby) apart from it.
    private const long Renewing = 0x4f63744e656172;

    private static void DeclareNearby(StoreOptions options, Weasel.Postgresql.Tables.Table reports)
    {
        reports.AddColumn(Pin, "geography(Point,4326)");
        reports.AddColumn(Nearby, "uuid[]");
        reports.Index([Pin]).Method = Weasel.Postgresql.Tables.IndexMethod.gist;
        // The reports whose nearby problems are to be found again, few once the renewal has caught up.
        reports.Index([Id], where: $"{Nearby} is null and {Pin} is not null");
        options.Declare(PinChangesName, table =>
        {
            table.AddColumn(Pin, "geography(Point,4326)").NotNull();
            table.Index([Pin]).Method = Weasel.Postgresql.Tables.IndexMethod.gist;
        });
    }

    /// <summary>
    /// Notes, when the session commits, where the problem's pin is as the statement runs: queued before and after a change
    /// that may move it or open or close the problem, so both its old and its new place are noted.
    /// </summary>
    public static void PinMoved(IDocumentOperations operations, Guid problemId) =>
        operations.Queue(
            $"insert into {PinChanges} ({Pin}) select {ProblemRows.Pin} from {ProblemRows.Table} where {ProblemRows.Id} = ? and {ProblemRows.Pin} is not null",
            problemId);

    /// <summary>
    /// The condition, for a report's row as <paramref name="row"/>, that its kept nearby problems may be read: found, and no
    /// pin noted since within reach of it.
    /// </summary>
    private static string NearbyKept(string row) =>
        $"""
         {row}.{Nearby} is not null and not exists (select from {PinChanges} as moved where st_dwithin(moved.{Pin}, {row}.{Pin}, {NearbyMetres}))
         """;

    /// <summary>
    /// A subquery for a lateral join on a page of reports (<paramref name="page"/>, with the column "kept" for its rows whose
    /// <see cref="NearbyKept"/> holds): the kept problems where they may be read, else those found afresh, as the columns of
    /// <see cref="ProblemPlaces.NearestTo"/>; its two values are <see cref="ProblemPlaces.Within"/>.
    /// </summary>
    private static string NearbyOf(string page) =>
        $"""
         (select p.{ProblemRows.Id} as id, p.{ProblemRows.Reference} as reference, p.{ProblemRows.Title} as title, p.{ProblemRows.Phase} as phase,
              round(st_distance(p.{ProblemRows.Pin}, {page}.{Pin}))::int as distance
          from unnest({page}.{Nearby}) as kept(id) join {ProblemRows.Table} as p on p.{ProblemRows.Id} = kept.id
          where {page}.kept
          union all
          select * from {ProblemPlaces.NearestTo($"{page}.{Longitude}", $"{page}.{Latitude}")} as afresh
          where not {page}.kept)
         """;

    /// <summary>
    /// Forgets the kept problems of the reports near the pins noted since the last renewal, then finds them again for up
    /// to <paramref name="reports"/> reports, each step in its own transaction while no other node renews. Returns how
    /// many places and reports it dealt with; none of either when there was nothing to do or another node was at it.
    /// </summary>
    public static async Task<(int Places, int Reports)> RenewNearbyAsync(IDocumentStore store, int reports, CancellationToken cancellation)
    {
        await using (var query = store.QuerySession())
            if (!await query.ReadFirstAsync($"select exists (select from {PinChanges}) or exists (select from {Table} where {Nearby} is null and {Pin} is not null)",
                    r => r.GetBoolean(0), cancellation))
                return (0, 0);
        var places = await WhileRenewingAsync(store, session => session.ScalarAsync<long>(
            $"""
             with moved as (delete from {PinChanges} returning {Pin}),
                 forgotten as (update {Table} as r set {Nearby} = null from moved where st_dwithin(r.{Pin}, moved.{Pin}, {NearbyMetres}) returning 1)
             select count(*) from moved
             """, cancellation), cancellation);
        var renewed = await WhileRenewingAsync(store, session => session.ScalarAsync<long>(
            $"""
             with renewed as (
                 update {Table} as r set {Nearby} = coalesce((select array_agg(near.id order by near.distance, near.id)
                     from {ProblemPlaces.NearestTo($"r.{Longitude}", $"r.{Latitude}")} as near), '{"{}"}')
                 where r.{Id} in (select {Id} from {Table} where {Nearby} is null and {Pin} is not null limit ?)
                 returning 1)
             select count(*) from renewed
             """, cancellation, [.. ProblemPlaces.Within(NearbyMetres, NearbyCount), reports]), cancellation);
        return ((int)places, (int)renewed);
    }

    /// <summary>
    /// Forgets every report's kept problems and the noted pins, for when the problems' rows were played again from their
    /// events; the renewal then finds them all again.
    /// </summary>
    public static void ForgetNearby(IDocumentOperations operations)
    {
        operations.Queue("select pg_advisory_xact_lock(?)", Renewing);
        operations.Queue($"delete from {PinChanges}");
        operations.Queue($"update {Table} set {Nearby} = null where {Nearby} is not null");
    }

    // Runs the step in a transaction of its own when this node may renew now, else does nothing and answers none.
    private static Task<long> WhileRenewingAsync(IDocumentStore store, Func<IDocumentSession, Task<long>> step, CancellationToken cancellation) =>
        store.InOneTransactionAsync(async session =>
        {
            if (!await session.ScalarAsync<bool>("select pg_try_advisory_xact_lock(?)", cancellation, Renewing)) return 0L;
            // PostgreSQL would compile the forgetting to machine code on every call, as it guesses a join over every report:
            // tens of milliseconds of a core, every time, for what finds a few rows through the indexes.
            await session.ExecuteAsync("set local jit = off", cancellation);
            // The lock holds until the transaction ends, and the step's statement takes its snapshot once the lock is held:
            // what it reads includes every renewal and forgetting committed before it.
            return await step(session);
        }, cancellation);
}
