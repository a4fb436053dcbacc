using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Inbox;

/// <summary>
/// The inbox read model: a row per report, kept by <see cref="Project"/> in the transaction of every write to a report.
/// A report's source and its id there are unique in an area, so a report sent twice is taken once.
/// </summary>
public static partial class InboxReports
{
    public const string Name = "inbox_reports";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string Id = "id", Area = "area", Source = "source", SourceReference = "source_reference", Category = "category",
        Description = "description", Place = "location_description", Latitude = "latitude", Longitude = "longitude",
        ReceivedAt = "received_at", TakenAt = "taken_at", MediaUrl = "media_url", State = "state", ProblemId = "problem_id",
        DecidedAt = "decided_at", Version = "version";

    public static void Declare(StoreOptions options)
    {
        options.Events.AddEventTypes(InboxEvents.All);
        options.Projections.Add(new InboxProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new InboxReportProjection(), ProjectionLifecycle.Live);
        options.Declare(Name, table =>
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
    }

    public static void Project(IDocumentOperations operations, IInboxEvent change, int version)
    {
        if (change is ReportReceived r)
        {
            operations.Queue(
                $"""
                 insert into {Table} ({Id}, {Area}, {Source}, {SourceReference}, {Category}, {Description}, {Place}, {Latitude}, {Longitude},
                     {ReceivedAt}, {TakenAt}, {MediaUrl}, {State}, {Version})
                 values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                 """,
                r.ReportId, r.Area, r.Source, r.SourceReference, r.Category, r.Description, r.Location.Description, r.Location.Latitude,
                r.Location.Longitude, r.ReceivedAt, r.TakenAt, r.MediaUrl, InboxState.New, version);
            return;
        }

        var (state, problem) = change switch
        {
            ReportAttached a => (InboxState.Attached, (Guid?)a.ProblemId),
            ReportPromoted p => (InboxState.Promoted, p.ProblemId),
            _ => (InboxState.Dismissed, null),
        };
        operations.Queue($"update {Table} set {State} = ?, {ProblemId} = ?, {DecidedAt} = ?, {Version} = ? where {Id} = ?",
            state, problem, change.At, version, change.ReportId);
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
