using Marten;
using Npgsql;
using Octans.Api.Places;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Inbox;

public sealed record InboxLocation(string Description, double? Latitude, double? Longitude);

public sealed record NearbyView(Guid ProblemId, string Reference, string Title, Phase Phase, int DistanceMetres);

public sealed record InboxItem(
    Guid Id, DateTimeOffset ReceivedAt, string Source, string Area, string Category, string Description, InboxLocation Location,
    InboxState State, Guid? ProblemId, string? MediaUrl, IReadOnlyList<NearbyView> Nearby);

public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total);

public static partial class InboxReports
{
    public const int PageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>How far from a report the inbox looks for open problems: a street or two, wider than a problem's own pin.</summary>
    public const int NearbyMetres = 250;

    public const int NearbyCount = 5;

    private const string Columns =
        $"{Id}, {ReceivedAt}, {Source}, {Area}, {Category}, {Description}, {Place}, {Latitude}, {Longitude}, {State}, {ProblemId}, {MediaUrl}";

    /// <summary>
    /// A page of an area's reports (every area's when <paramref name="area"/> is null), newest first, each with the open
    /// problems near it, read with the page in one statement, and the count beside it in the same round trip.
    /// </summary>
    public static async Task<InboxPage> PageAsync(IQuerySession session, string? area, InboxState? state, int page, int pageSize,
        CancellationToken cancellation)
    {
        var (where, values) = Filter(area, state);
        var total = 0;
        var items = await ReadWithNearbyAsync(session, Listed(where, values, pageSize, (page - 1) * pageSize), async r =>
        {
            if (await r.ReadAsync(cancellation)) total = r.GetInt32(0);
        }, cancellation, new Statement(Counted(where), values));
        return new InboxPage(items, total);
    }

    public static async Task<InboxItem?> ReadAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        (await ReadWithNearbyAsync(session, Listed($"{Id} = ?", [id], 1, 0), _ => Task.CompletedTask, cancellation)) is [var item] ? item : null;

    /// <summary>
    /// The reports <paramref name="reports"/> reads, each with its nearby problems, and then whatever <paramref name="more"/>
    /// reads of the <paramref name="after"/> statements sent in the same round trip.
    /// </summary>
    private static async Task<List<InboxItem>> ReadWithNearbyAsync(IQuerySession session, Statement reports, Func<NpgsqlDataReader, Task> more,
        CancellationToken cancellation, params Statement[] after)
    {
        List<(InboxItem Item, List<NearbyView> Nearby)> rows = [];
        await session.ReadAsync(async r =>
        {
            while (await r.ReadAsync(cancellation))
            {
                if (rows.Count == 0 || rows[^1].Item.Id != r.GetGuid(0)) rows.Add((Read(r), []));
                if (!r.IsDBNull(NearbyFrom)) rows[^1].Nearby.Add(View(ProblemPlaces.ReadNearby(r, NearbyFrom)));
            }
            if (await r.NextResultAsync(cancellation)) await more(r);
        }, cancellation, [reports, .. after]);
        return [.. rows.Select(row => row.Item with { Nearby = row.Nearby })];
    }

    /// <summary>
    /// The reports the condition keeps, newest first, <paramref name="limit"/> of them after <paramref name="offset"/>,
    /// each as many rows as it has nearby problems (one when none), nearest first: kept ones where they may be read
    /// (<see cref="NearbyKept"/>), else found afresh.
    /// </summary>
    private static Statement Listed(string where, object[] values, int limit, int offset) => new(
        $"""
         with page as (
             select {Columns}, {Pin}, {Nearby}, {NearbyKept("r")} as kept from {Table} as r
             where {where} order by {ReceivedAt} desc, {Id} desc limit ? offset ?)
         select {string.Join(", ", Columns.Split(", ").Select(column => $"page.{column}"))}, near.* from page
         left join lateral {NearbyOf("page")} as near on true
         order by page.{ReceivedAt} desc, page.{Id} desc, near.distance, near.id
         """,
        [.. values, limit, offset, .. ProblemPlaces.Within(NearbyMetres, NearbyCount)]);

    /// <summary>
    /// The condition for an area (every area when null) and a state (every state when null), naming only what is asked
    /// for, so PostgreSQL plans each shape once and reuses the plan rather than planning every page again.
    /// </summary>
    private static (string Where, object[] Values) Filter(string? area, InboxState? state) => (area, state) switch
    {
        (null, null) => ("true", []),
        (null, { } s) => ($"{State} = ?", [s.ToString()]),
        ({ } a, null) => ($"{Area} = ?", [a]),
        ({ } a, { } s) => ($"{Area} = ? and {State} = ?", [a, s.ToString()]),
    };

    /// <summary>How many reports <see cref="Filter"/>'s condition keeps, read from the kept counts rather than the rows.</summary>
    private static string Counted(string where) => $"select coalesce(sum({Reports}), 0)::int from {Counts} where {where}";

    // Where a page's row has its nearby problem's columns, after the report's own.
    private static readonly int NearbyFrom = Columns.Split(',').Length;

    private static NearbyView View(NearbyProblem p) => new(p.ProblemId, p.Reference, p.Title, p.Phase, p.DistanceMetres);

    /// <summary>How many reports wait in these areas' inboxes (every area's when null).</summary>
    public static async Task<int> WaitingAsync(IQuerySession session, string? area, CancellationToken cancellation)
    {
        var (where, values) = Filter(area, InboxState.New);
        return await session.ReadFirstAsync(Counted(where), r => r.GetInt32(0), cancellation, values);
    }

    /// <summary>The report an area already took from this source under this reference, if any.</summary>
    public static async Task<Guid?> FindAsync(IQuerySession session, string area, string source, string reference, CancellationToken cancellation) =>
        await session.ReadFirstAsync($"select {Id} from {Table} where {Area} = ? and {Source} = ? and {SourceReference} = ?",
            r => (Guid?)r.GetGuid(0), cancellation, area, source, reference);

    /// <summary>Which of these references an area already took from this source.</summary>
    public static async Task<HashSet<string>> KnownAsync(IQuerySession session, string area, string source, string[] references,
        CancellationToken cancellation) =>
        [.. await session.ReadAsync($"select {SourceReference} from {Table} where {Area} = ? and {Source} = ? and {SourceReference} = any(?)",
            r => r.GetString(0), cancellation, area, source, references)];

    private static InboxItem Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        new InboxLocation(r.GetString(6), r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetDouble(8)),
        Enum.Parse<InboxState>(r.GetString(9)), r.IsDBNull(10) ? null : r.GetGuid(10), r.IsDBNull(11) ? null : r.GetString(11), []);
}
