using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Meetings;

public sealed record MeetingSummary(Guid Id, string Area, MeetingKind Kind, DateOnly HeldOn, int Decisions);

public static partial class MeetingRows
{
    private const string Columns = $"{Id}, {Area}, {Kind}, {HeldOn}, {Decisions}";

    /// <summary>An area's meetings (every area's when null), the latest first.</summary>
    public static async Task<IReadOnlyList<MeetingSummary>> ListAsync(IQuerySession session, string? area, CancellationToken cancellation) =>
        await session.ReadAsync($"select {Columns} from {Table} where ?::text is null or {Area} = ? order by {HeldOn} desc, {Id} desc limit 500",
            Read, cancellation, area, area);

    /// <summary>
    /// The meetings of a kind held from <paramref name="from"/> to <paramref name="to"/>, soonest first: the Pathways meetings
    /// whose pack should be ready ahead of them, for example.
    /// </summary>
    public static async Task<IReadOnlyList<MeetingSummary>> UpcomingAsync(IQuerySession session, MeetingKind kind, DateOnly from, DateOnly to,
        CancellationToken cancellation) =>
        await session.ReadAsync($"select {Columns} from {Table} where {Kind} = ? and {HeldOn} between ? and ? order by {HeldOn}, {Id}",
            Read, cancellation, kind, from, to);

    /// <summary>The day of the area's last meeting before <paramref name="heldOn"/>, if any: new problems are those reported since.</summary>
    public static async Task<DateOnly?> PreviousAsync(IQuerySession session, string area, DateOnly heldOn, CancellationToken cancellation) =>
        await session.ReadFirstAsync($"select max({HeldOn}) from {Table} where {Area} = ? and {HeldOn} < ?",
            r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), cancellation, area, heldOn);

    private static MeetingSummary Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), Enum.Parse<MeetingKind>(r.GetString(2)), r.GetFieldValue<DateOnly>(3), r.GetInt32(4));
}
