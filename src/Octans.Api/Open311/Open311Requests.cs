using Marten;
using Octans.Api.Inbox;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;
using R = Octans.Api.Inbox.InboxReports;
using P = Octans.Api.Problems.Listing.ProblemRows;
using U = Octans.Api.Problems.PublicUpdates.PublicUpdateRows;

namespace Octans.Api.Open311;

/// <summary>A report as Open311 shows it to the system that sent it: where it stands, never who made it.</summary>
/// <paramref name="PublicUpdate"/> is the latest public update of its problem, unless the problem is sensitive.
public sealed record RequestStatus(Guid Id, string Category, InboxState State, bool ProblemClosed, DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt, double? Latitude, double? Longitude, string? PublicUpdate = null)
{
    public bool IsClosed => State == InboxState.Dismissed || ProblemClosed;

    /// <summary>The latest public update of its problem, or a short fixed sentence until the partnership writes one.</summary>
    public string Notes => PublicUpdate ?? Fixed;

    private string Fixed => ProblemClosed ? "The partnership has closed the problem this report is part of."
        : State switch
        {
            InboxState.Attached => "Added to a problem the partnership is already working on.",
            InboxState.Promoted => "Taken up by the partnership as a new problem.",
            InboxState.Dismissed => "Looked at by the partnership; no further action will be taken on this report.",
            _ => "Received by the partnership; waiting to be looked at.",
        };
}

/// <summary>
/// A change in a report's status since the system sent it: decided about, (<paramref name="ProblemClosed"/>) its problem
/// closed, or (<paramref name="PublicUpdate"/>) a public update written on its problem.
/// </summary>
public sealed record RequestUpdate(string UpdateId, RequestStatus Request, DateTimeOffset At, bool ProblemClosed, string? PublicUpdate = null)
{
    public bool IsClosed => ProblemClosed || Request.State == InboxState.Dismissed;

    public string Description => PublicUpdate ?? (ProblemClosed ? "The partnership has closed the problem this report is part of." : Request.Notes);
}

public static class Open311Requests
{
    public const int MaxIds = 100, MaxUpdates = 1_000;

    private static readonly string Select =
        $"""
         select r.{R.Id}, r.{R.Category}, r.{R.State}, coalesce(p.{P.Status} = 'Closed', false), r.{R.ReceivedAt},
             greatest(r.{R.TakenAt}, r.{R.DecidedAt}, case when p.{P.Status} = 'Closed' then p.{P.UpdatedAt} end), r.{R.Latitude}, r.{R.Longitude},
             {U.LatestTextOf("p")}
         """;

    private static readonly string From = $"from {R.Table} r left join {P.Table} p on p.{P.Id} = r.{R.ProblemId}";

    public static Task<List<RequestStatus>> ReadAsync(IQuerySession session, Guid[] ids, CancellationToken cancellation) =>
        session.ReadAsync($"{Select} {From} where r.{R.Id} = any(?) order by r.{R.ReceivedAt}", Read, cancellation, ids);

    /// <summary>
    /// The updates to a sender's reports between two instants, oldest first: each decision, each closing of a problem they
    /// are part of, and each public update written on it while it is not sensitive.
    /// </summary>
    public static async Task<List<RequestUpdate>> UpdatesAsync(IQuerySession session, string source, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellation) =>
        await session.ReadAsync(
            $"""
             select * from (
                 {Select}, r.{R.Version}::bigint, r.{R.DecidedAt} as at, 'd' as kind, null::text as text
                 {From}
                 where r.{R.Source} = ? and r.{R.DecidedAt} >= ? and r.{R.DecidedAt} < ?
                 union all
                 {Select}, p.{P.Version}::bigint, p.{P.UpdatedAt}, 'c', null
                 from {R.Table} r join {P.Table} p on p.{P.Id} = r.{R.ProblemId}
                 where r.{R.Source} = ? and p.{P.Status} = 'Closed' and p.{P.UpdatedAt} >= ? and p.{P.UpdatedAt} < ?
                 union all
                 {Select}, u.{U.Version}::bigint, u.{U.WrittenAt}, 'u', u.{U.Text}
                 from {R.Table} r join {P.Table} p on p.{P.Id} = r.{R.ProblemId} join {U.Table} u on u.{U.ProblemId} = p.{P.Id}
                 where r.{R.Source} = ? and u.{U.WrittenAt} >= ? and u.{U.WrittenAt} < ? and {P.VisibleTo("p", Reader.Public)}
             ) updates order by at, 1, 10 limit ?
             """,
            r => new RequestUpdate($"{r.GetGuid(0):N}-{r.GetString(11)}{r.GetInt64(9)}", Read(r), r.GetFieldValue<DateTimeOffset>(10), r.GetString(11) == "c",
                r.IsDBNull(12) ? null : r.GetString(12)),
            cancellation, source, from, to, source, from, to, source, from, to, MaxUpdates);

    private static RequestStatus Read(Npgsql.NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), Enum.Parse<InboxState>(r.GetString(2)), r.GetBoolean(3), r.GetFieldValue<DateTimeOffset>(4),
        r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetDouble(6), r.IsDBNull(7) ? null : r.GetDouble(7),
        r.IsDBNull(8) ? null : r.GetString(8));
}
