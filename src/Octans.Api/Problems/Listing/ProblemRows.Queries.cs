using System.Text.Json.Serialization;
using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.Listing;

public sealed record ProblemListItem(
    Guid Id, string Reference, string Title, string Category, string Area, Phase Phase, ProblemStatus Status, Rag? Rag, Risk Risk,
    int OpenActions, int OverdueActions, DateTimeOffset UpdatedAt, int Version, HoldDecay? HoldDecay, bool Sensitive,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? DistanceMetres = null)
{
    /// <summary>Where the problem is, in words (its location's description).</summary>
    public string Place { get; init; } = "";

    /// <summary>The next review date the last review set, if any.</summary>
    public DateOnly? NextReviewOn { get; init; }

    /// <summary>Whether the problem is open and its next review date has passed (<see cref="ProblemRows.ReviewIsOverdue"/>).</summary>
    public bool ReviewOverdue { get; init; }
}

/// <summary>An open problem in Hold or Build drawing reports since its last review, for the dashboard.</summary>
public sealed record SlippingBack(Guid ProblemId, string Reference, string Title, Phase Phase, HoldDecay HoldDecay);

public sealed record ProblemListPage(IReadOnlyList<ProblemListItem> Items, int Total, int Page, int PageSize);

/// <summary>Open problems in each phase, and how many problems are closed, keyed by the phases' own names as API.md gives them.</summary>
public sealed record ProblemsByPhase(
    [property: JsonPropertyName("Clear")] int Clear, [property: JsonPropertyName("Hold")] int Hold,
    [property: JsonPropertyName("Build")] int Build, [property: JsonPropertyName("Closed")] int Closed);

public static partial class ProblemRows
{
    /// <summary>
    /// A page of the list in the filter's order (<see cref="ProblemFilter.Order"/>), with the count of every match. The page
    /// is chosen from the matches' ids and sort keys alone, and only its rows are then built and their overdue actions
    /// counted: PostgreSQL would otherwise build every match's columns before sorting and keeping fifty.
    /// </summary>
    public static async Task<ProblemListPage> PageAsync(IQuerySession session, ProblemFilter filter, CancellationToken cancellation)
    {
        var (condition, values) = filter.Condition();
        var (keys, orderValues) = filter.Order();
        var (distance, from) = filter.Near is { } near
            ? ($"st_distance(d.{Pin}, {PinFrom})", new object[] { near.Longitude, near.Latitude })
            : ("null::double precision", []);
        string Keys(string of) => string.Join(", ", keys.Select((k, i) => $"{of}o{i} {k.Direction}"));
        var page = await session.ReadAsync(
            $"""
             with matched as (select d.{Id}, {distance} as distance{string.Concat(keys.Select((k, i) => $", {k.Key} as o{i}"))}
                              from {Table} as d where {condition}),
                  page as (select * from matched order by {Keys("")} offset ? limit ?)
             select d.{Id}, d.{Reference}, d.{Title}, d.{Category}, d.{Area}, d.{Phase}, d.{Status}, d.{Rag}, d.{Risk}, d.{OpenActions},
                 (select count(*) from unnest(d.{OpenDueDates}) as due where due < ?)::int,
                 d.{UpdatedAt}, d.{Version}, d.{DecayReports}, d.{DecaySince}, d.{DecayStart}, (select count(*) from matched)::int,
                 round(page.distance)::int, {IsSensitive("d")}, d.{Place}, d.{NextReviewOn}
             from page join {Table} as d on d.{Id} = page.{Id}
             order by {Keys("page.")}
             """,
            r => (Item: ListItem(r, filter.Today), Total: r.GetInt32(16)), cancellation,
            [.. from, .. orderValues, .. values, (long)(filter.Page - 1) * filter.PageSize, filter.PageSize, filter.Today]);
        // The total rides on the rows of the page; a page past the end has none, so the matches are counted on their own.
        var total = page.Count > 0 ? page[0].Total : filter.Page > 1 ? await CountAsync(session, condition, values, cancellation) : 0;
        return new ProblemListPage([.. page.Select(p => p.Item)], total, filter.Page, filter.PageSize);
    }

    private static async Task<int> CountAsync(IQuerySession session, string condition, IReadOnlyList<object> values, CancellationToken cancellation) =>
        await session.ReadFirstAsync($"select count(*)::int from {Table} as d where {condition}", r => r.GetInt32(0), cancellation, [.. values]);

    /// <summary>
    /// Open problems per phase and closed problems the reader may see, for one area or all of them, from the index of status
    /// and phase.
    /// </summary>
    public static Task<ProblemsByPhase> CountByPhaseAsync(IQuerySession session, string? area, Reader reader, CancellationToken cancellation) =>
        CountByPhaseAsync(session, $"(?::text is null or d.{Area} = ?) and {VisibleTo("d", reader)}", [area, area], cancellation);

    /// <summary>
    /// Open problems per phase and closed problems among those the filter matches whatever their phase and status, so each
    /// count says how many its own phase would list with the other filters kept.
    /// </summary>
    public static Task<ProblemsByPhase> CountByPhaseAsync(IQuerySession session, ProblemFilter filter, CancellationToken cancellation)
    {
        var (condition, values) = (filter with { Phase = null, ClosedOnly = false, Status = null }).Condition();
        return CountByPhaseAsync(session, condition, values, cancellation);
    }

    private static async Task<ProblemsByPhase> CountByPhaseAsync(IQuerySession session, string condition, IReadOnlyList<object?> values,
        CancellationToken cancellation)
    {
        var counts = await session.ReadAsync(
            $"select d.{Status}, d.{Phase}, count(*)::int from {Table} as d where {condition} group by d.{Status}, d.{Phase}",
            r => (Status: r.GetString(0), Phase: r.GetString(1), Count: r.GetInt32(2)), cancellation, [.. values]);
        int Open(Phase phase) => counts.Where(c => c.Status == "Open" && c.Phase == phase.ToString()).Sum(c => c.Count);
        return new ProblemsByPhase(Open(Domain.Phase.Clear), Open(Domain.Phase.Hold), Open(Domain.Phase.Build),
            counts.Where(c => c.Status == "Closed").Sum(c => c.Count));
    }

    /// <summary>
    /// The problems slipping back (Hold decay) that the reader may see, for one area or all of them: the <paramref name="most"/>
    /// with the most reports, and how many there are in all.
    /// </summary>
    public static async Task<(IReadOnlyList<SlippingBack> Most, int Total)> SlippingBackAsync(IQuerySession session, string? area, Reader reader,
        int most, CancellationToken cancellation)
    {
        var rows = await session.ReadAsync(
            $"""
             select {Id}, {Reference}, {Title}, {Phase}, {Status}, {DecayReports}, {DecaySince}, {DecayStart}, count(*) over ()::int from {Table}
             where {DecayReports} > 0 and {Status} = 'Open' and {Phase} in ('Hold', 'Build') and (?::text is null or {Area} = ?) and {VisibleTo(Table, reader)}
             order by {DecayReports} desc, {DecaySince}, {Reference} limit ?
             """,
            r => (Row: new SlippingBack(r.GetGuid(0), r.GetString(1), r.GetString(2), Enum.Parse<Phase>(r.GetString(3)),
                Decay(r, phase: 3, status: 4, reports: 5, since: 6, start: 7)!), Total: r.GetInt32(8)),
            cancellation, area, area, most);
        return ([.. rows.Select(r => r.Row)], rows.Count > 0 ? rows[0].Total : 0);
    }

    /// <summary>The references of these problems, for naming them where only their ids are known.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ReferencesAsync(IQuerySession session, Guid[] ids, CancellationToken cancellation) =>
        ids.Length == 0
            ? new Dictionary<Guid, string>()
            : (await session.ReadAsync($"select {Id}, {Reference} from {Table} where {Id} = any(?)", r => (r.GetGuid(0), r.GetString(1)),
                cancellation, ids)).ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>The id of the problem with this reference (such as HT-0007), ignoring case.</summary>
    public static Task<Guid?> FindByReferenceAsync(IQuerySession session, string reference, CancellationToken cancellation) =>
        session.ReadFirstAsync($"select {Id} from {Table} where {Reference} = ?", r => (Guid?)r.GetGuid(0), cancellation,
            reference.Trim().ToUpperInvariant());

    /// <summary>The problems reported in an area before an instant, by the area's name.</summary>
    public static async Task<Guid[]> ReportedInAreaAsync(IQuerySession session, string area, DateTimeOffset before, CancellationToken cancellation) =>
        [.. await session.ReadAsync($"select {Id} from {Table} where {Area} = ? and {ReportedAt} < ?", r => r.GetGuid(0), cancellation, area, before)];

    /// <summary>Which of these problems the reader may not see (<see cref="VisibleTo"/>), for what names problems by id.</summary>
    public static async Task<IReadOnlySet<Guid>> HiddenAmongAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, Reader reader,
        CancellationToken cancellation) =>
        ids.Count == 0 || reader.SeesAll
            ? new HashSet<Guid>()
            : (await session.ReadAsync($"select {Id} from {Table} where {Id} = any(?) and not {VisibleTo(Table, reader)}", r => r.GetGuid(0),
                cancellation, ids.Distinct().ToArray())).ToHashSet();

    /// <summary>Whether there is such a problem and the reader may see it (<see cref="VisibleTo"/>).</summary>
    public static async Task<bool> SeenAsync(IQuerySession session, Guid id, Reader reader, CancellationToken cancellation) =>
        await session.ReadFirstAsync($"select true from {Table} where {Id} = ? and {VisibleTo(Table, reader)}", r => r.GetBoolean(0), cancellation, id);

    public static async Task<bool> ExistsAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        await session.ReadFirstAsync($"select true from {Table} where {Id} = ?", r => r.GetBoolean(0), cancellation, id);

    /// <summary>The version of the problem, or null when there is none.</summary>
    public static async Task<int?> VersionAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        await session.ReadFirstAsync($"select {Version} from {Table} where {Id} = ?", r => (int?)r.GetInt32(0), cancellation, id);

    private static ProblemListItem ListItem(NpgsqlDataReader r, DateOnly today)
    {
        var (status, nextReview) = (Enum.Parse<ProblemStatus>(r.GetString(6)), r.IsDBNull(20) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(20));
        return new(
            r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Enum.Parse<Phase>(r.GetString(5)),
            status, r.IsDBNull(7) ? null : Enum.Parse<Rag>(r.GetString(7)), Enum.Parse<Risk>(r.GetString(8)),
            r.GetInt32(9), r.GetInt32(10), r.GetFieldValue<DateTimeOffset>(11), r.GetInt32(12),
            Decay(r, phase: 5, status: 6, reports: 13, since: 14, start: 15), r.GetBoolean(18), r.IsDBNull(17) ? null : r.GetInt32(17))
        {
            Place = r.GetString(19), NextReviewOn = nextReview, ReviewOverdue = ReviewIsOverdue(status, nextReview, today),
        };
    }

    /// <summary>A review is overdue when an open problem's next review date has passed: it was due before today in London.</summary>
    public static bool ReviewIsOverdue(ProblemStatus status, DateOnly? nextReviewOn, DateOnly today) =>
        status == ProblemStatus.Open && nextReviewOn < today;
}
