using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Meetings;

/// <summary>
/// The meetings read model: a row per meeting for an area's list, kept by <see cref="Project"/> in the transaction of
/// every write to a meeting. The agenda and decisions are read from the meeting's own stream, which stays short.
/// </summary>
public static partial class MeetingRows
{
    public const string Name = "meetings";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string Id = "id", Area = "area", Kind = "kind", HeldOn = "held_on", Decisions = "decisions", Version = "version";

    public static void Declare(StoreOptions options)
    {
        options.Events.AddEventTypes(MeetingEvents.All);
        options.Projections.Add(new MeetingRowsProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new MeetingProjection(), ProjectionLifecycle.Live);
        options.Declare(Name, table =>
        {
            table.AddColumn(Id, "uuid").AsPrimaryKey();
            table.AddColumn(Area, "text").NotNull();
            table.AddColumn(Kind, "text").NotNull();
            table.AddColumn(HeldOn, "date").NotNull();
            table.AddColumn(Decisions, "integer").NotNull();
            table.AddColumn(Version, "integer").NotNull();
            table.Index([Area, HeldOn]);
            table.Index([Kind, HeldOn]);
        });
    }

    public static void Project(IDocumentOperations operations, IMeetingEvent change, int version)
    {
        switch (change)
        {
            case MeetingArranged a:
                operations.Queue($"insert into {Table} ({Id}, {Area}, {Kind}, {HeldOn}, {Decisions}, {Version}) values (?, ?, ?, ?, 0, ?)",
                    a.MeetingId, a.Area, a.Kind, a.HeldOn, version);
                break;
            case MeetingDecisionRecorded:
                operations.Queue($"update {Table} set {Decisions} = {Decisions} + 1, {Version} = ? where {Id} = ?", version, change.MeetingId);
                break;
            default:
                operations.Queue($"update {Table} set {Version} = ? where {Id} = ?", version, change.MeetingId);
                break;
        }
    }
}

/// <summary>Keeps the meetings' rows in the transaction of every write to a meeting, as the inbox's projection does for reports.</summary>
public sealed class MeetingRowsProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            if (e.Data is not IMeetingEvent change) continue;
            if (e.Version <= 0)
                throw new InvalidOperationException($"{change.GetType().Name} was appended without the version of its meeting. Start the stream, or FetchForWriting first.");
            MeetingRows.Project(operations, change, (int)e.Version);
        }
        return Task.CompletedTask;
    }
}

/// <summary>A meeting as its decisions see it, played from its events with the domain's own From and Play.</summary>
public sealed class MeetingProjection : SingleStreamProjection<Meeting, Guid>
{
    public override Meeting? Evolve(Meeting? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case MeetingArranged arranged:
                snapshot = Meeting.From(arranged);
                break;
            case IMeetingEvent change when snapshot is not null:
                snapshot.Play(change);
                break;
        }
        if (snapshot is not null) snapshot.Version = (int)e.Version;
        return snapshot;
    }
}
