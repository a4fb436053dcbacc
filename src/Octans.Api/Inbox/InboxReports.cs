using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Inbox;

/// <summary>
/// The inbox read model: a row per report, kept by <see cref="Project"/> in the transaction of every write to a report.
/// A report's source and its id there are unique in an area, so a report sent twice is taken once. Beside the rows, how
/// many reports each area has in each state, kept in the same transactions, so a page or the board counts an area's
/// ten thousand waiting reports by reading one row.
/// </summary>
public static partial class InboxReports
{
    public const string Name = "inbox_reports", CountsName = "inbox_counts";
    public static readonly string Table = ReadTables.Qualified(Name), Counts = ReadTables.Qualified(CountsName);
    private const string Reports = "reports";

    public const string Id = "id", Area = "area", Source = "source", SourceReference = "source_reference", Category = "category",
        Description = "description", Place = "location_description", Latitude = "latitude", Longitude = "longitude",
        ReceivedAt = "received_at", TakenAt = "taken_at", MediaUrl = "media_url", State = "state", ProblemId = "problem_id",
        DecidedAt = "decided_at", Version = "version";

    public static void Declare(StoreOptions options)
    {
        options.Events.AddEventTypes(InboxEvents.All);
        options.Projections.Add(new InboxProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new InboxReportProjection(), ProjectionLifecycle.Live);
        var reports = options.Declare(Name, table =>
        {
            table.AddColumn(Id, "uuid").AsPrimaryKey();
            foreach (var text in new[] { Area, Source, Category, Description, Place, State })
                table.AddColumn(text, "text").NotNull();
            foreach (var text in new[] { SourceReference, MediaUrl })
                table.AddColumn(text, "text");
            table.AddColumn(Latitude, "double precision");
            table.AddColumn(Longitude, "double precision");
            table.AddColumn(ReceivedAt, "timestamp with time zone").NotNull();
            table.AddColumn(TakenAt, "timestamp with time zone").NotNull();
            table.AddColumn(ProblemId, "uuid");
            table.AddColumn(DecidedAt, "timestamp with time zone");
            table.AddColumn(Version, "integer").NotNull();

            // An area's reports in a state, newest first with the id breaking ties, read in index order for a page.
            table.Index([Area, State, ReceivedAt, Id]);
            table.Index([Area, Source, SourceReference], where: $"{SourceReference} is not null", unique: true);
            table.Index([Source, DecidedAt], where: $"{DecidedAt} is not null");
            table.Index([ProblemId], where: $"{ProblemId} is not null");
        });
        DeclareNearby(options, reports);
        options.Declare(CountsName, table =>
        {
            table.AddColumn(Area, "text").AsPrimaryKey();
            table.AddColumn(State, "text").AsPrimaryKey();
            table.AddColumn(Reports, "integer").NotNull();
        });
    }

    /// <summary>
    /// Counts in the reports a batch of events received, by area: a file of ten thousand reports adds to its area's
    /// count once, where a statement per report would update one row ten thousand times in one transaction.
    /// </summary>
    public static void CountReceived(IDocumentOperations operations, IEnumerable<ReportReceived> received)
    {
        foreach (var area in received.GroupBy(r => r.Area))
            operations.Queue(
                $"""
                 insert into {Counts} ({Area}, {State}, {Reports}) values (?, ?, ?)
                 on conflict ({Area}, {State}) do update set {Reports} = {Counts}.{Reports} + excluded.{Reports}
                 """, area.Key, InboxState.New, area.Count());
    }

    // Counting a decided report out of its state and into the next: the report's row as it stands when the statement
    // runs, so they go either side of its change.
    private static readonly string CountIn =
        $"""
         insert into {Counts} ({Area}, {State}, {Reports}) select {Area}, {State}, 1 from {Table} where {Id} = ?
         on conflict ({Area}, {State}) do update set {Reports} = {Counts}.{Reports} + 1
         """;

    private static readonly string CountOut =
        $"update {Counts} as c set {Reports} = c.{Reports} - 1 from {Table} as r where r.{Id} = ? and c.{Area} = r.{Area} and c.{State} = r.{State}";

    /// <summary>Deletes these reports, if they are in this state, and counts them out.</summary>
    public static void Delete(IDocumentOperations operations, Guid[] reports, InboxState state)
    {
        operations.Queue(
            $"""
             update {Counts} as c set {Reports} = c.{Reports} - gone.reports
             from (select {Area}, {State}, count(*)::int as reports from {Table} where {Id} = any(?) and {State} = ? group by {Area}, {State}) as gone
             where c.{Area} = gone.{Area} and c.{State} = gone.{State}
             """, reports, state);
        operations.Queue($"delete from {Table} where {Id} = any(?) and {State} = ?", reports, state);
    }

    /// <summary>
    /// Counts every area's reports again from their rows, while reports wait to be taken or decided, and pins the reports
    /// kept before their rows had pins: what db-apply does, so a database whose rows were kept before the counts and pins
    /// were, or by hand, has them right.
    /// </summary>
    public static async Task RecountAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Queue($"lock table {Table} in share mode");
        session.Queue(
            $"update {Table} set {Pin} = st_setsrid(st_makepoint({Longitude}, {Latitude}), 4326)::geography where {Pin} is null and {Latitude} is not null and {Longitude} is not null");
        session.Queue($"delete from {Counts}");
        session.Queue($"insert into {Counts} ({Area}, {State}, {Reports}) select {Area}, {State}, count(*) from {Table} group by {Area}, {State}");
        await session.SaveChangesAsync(cancellation);
    }

    public static void Project(IDocumentOperations operations, IInboxEvent change, int version)
    {
        if (change is ReportReceived r)
        {
            operations.Queue(
                $"""
                 insert into {Table} ({Id}, {Area}, {Source}, {SourceReference}, {Category}, {Description}, {Place}, {Latitude}, {Longitude},
                     {ReceivedAt}, {TakenAt}, {MediaUrl}, {State}, {Version}, {Pin})
                 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {ProblemRows.PinFrom})
                 """,
                r.ReportId, r.Area, r.Source, r.SourceReference, r.Category, r.Description, r.Location.Description, r.Location.Latitude,
                r.Location.Longitude, r.ReceivedAt, r.TakenAt, r.MediaUrl, InboxState.New, version, r.Location.Longitude, r.Location.Latitude);
            return;
        }

        var (state, problem) = change switch
        {
            ReportAttached a => (InboxState.Attached, (Guid?)a.ProblemId),
            ReportPromoted p => (InboxState.Promoted, p.ProblemId),
            _ => (InboxState.Dismissed, null),
        };
        operations.Queue(CountOut, change.ReportId);
        operations.Queue($"update {Table} set {State} = ?, {ProblemId} = ?, {DecidedAt} = ?, {Version} = ? where {Id} = ?",
            state, problem, change.At, version, change.ReportId);
        operations.Queue(CountIn, change.ReportId);
    }
}

/// <summary>Keeps the inbox's rows in the transaction of every write to a report, as <see cref="Problems.ProblemReadModels"/> does for problems.</summary>
public sealed class InboxProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            if (e.Data is not IInboxEvent change) continue;
            if (e.Version <= 0)
                throw new InvalidOperationException($"{change.GetType().Name} was appended without the version of its report. Start the stream, or FetchForWriting first.");
            InboxReports.Project(operations, change, (int)e.Version);
        }
        InboxReports.CountReceived(operations, events.Select(e => e.Data).OfType<ReportReceived>());
        return Task.CompletedTask;
    }
}

/// <summary>A report as its decisions see it, played from its events when it is fetched for writing, with the domain's own From and Play.</summary>
public sealed class InboxReportProjection : SingleStreamProjection<InboxReport, Guid>
{
    public override InboxReport? Evolve(InboxReport? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case ReportReceived received:
                snapshot = InboxReport.From(received);
                break;
            case IInboxEvent change when snapshot is not null:
                snapshot.Play(change);
                break;
        }
        if (snapshot is not null) snapshot.Version = (int)e.Version;
        return snapshot;
    }
}
