using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Api.Inbox;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Listing;
using Octans.Domain;

namespace Octans.Api.Meetings;

/// <summary>
/// What the record says of an area's open problems, as the agenda reads it: each problem's row, its last review, the
/// recurrences logged after that review (reports attached to it among them) and the reports waiting in the inbox near
/// its place received since, all in one statement.
/// </summary>
public static class AgendaRecord
{
    private const string P = "p", R = "last";

    public static async Task<IReadOnlyList<ProblemOnRecord>> ReadAsync(IQuerySession session, string area, Guid? only, CancellationToken cancellation) =>
        await session.ReadAsync(
            $"""
             select {P}.{ProblemRows.Id}, {P}.{ProblemRows.Reference}, {P}.{ProblemRows.Title}, {P}.{ProblemRows.Phase}, {P}.{ProblemRows.Rag},
                 {P}.{ProblemRows.ReportedAt}, {R}.{ProblemRecord.MeetingOn}, {P}.{ProblemRows.NextReviewOn},
                 (select count(*) from {ProblemRecord.Recurrences} c
                   where c.{ProblemRecord.ProblemId} = {P}.{ProblemRows.Id} and c.{ProblemRecord.Version} > coalesce({R}.{ProblemRecord.Version}, 0))::int,
                 (select count(*) from {InboxReports.Table} i
                   where i.{InboxReports.Area} = {P}.{ProblemRows.Area} and i.{InboxReports.State} = 'New' and {P}.{ProblemRows.Pin} is not null
                     and i.{InboxReports.Latitude} is not null and i.{InboxReports.Longitude} is not null
                     and ({R}.{ProblemRecord.At} is null or i.{InboxReports.ReceivedAt} > {R}.{ProblemRecord.At})
                     and st_dwithin({P}.{ProblemRows.Pin},
                         st_setsrid(st_makepoint(i.{InboxReports.Longitude}, i.{InboxReports.Latitude}), 4326)::geography, ?))::int,
                 {P}.{ProblemRows.OpenDueDates}
             from {ProblemRows.Table} {P}
             left join lateral (
                 select v.{ProblemRecord.Version}, v.{ProblemRecord.MeetingOn}, v.{ProblemRecord.At} from {ProblemRecord.Reviews} v
                 where v.{ProblemRecord.ProblemId} = {P}.{ProblemRows.Id} order by v.{ProblemRecord.Version} desc limit 1) {R} on true
             where {P}.{ProblemRows.Area} = ? and {P}.{ProblemRows.Status} = 'Open' and (?::uuid is null or {P}.{ProblemRows.Id} = ?)
             """,
            Read, cancellation, (double)InboxReports.NearbyMetres, area, only, only);

    private static ProblemOnRecord Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), Enum.Parse<Phase>(r.GetString(3)), r.IsDBNull(4) ? null : Enum.Parse<Rag>(r.GetString(4)),
        London.Today(r.GetFieldValue<DateTimeOffset>(5)), r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7), r.GetInt32(8), r.GetInt32(9), r.GetFieldValue<DateOnly[]>(10));
}
