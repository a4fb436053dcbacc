using Marten;
using Octans.Api.Setup;

namespace Octans.Api.Retention;

/// <summary>Whether a run did all it set out to do.</summary>
public enum RetentionOutcome { Succeeded, Failed }

/// <summary>A run of the retention job: when, what it did (counts only, never what was removed) and how it ended.</summary>
public sealed record RetentionRun(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, RetentionOutcome Outcome,
    int ProblemsAnonymised, int ReportsDeleted, int PhotosDeleted);

/// <summary>
/// The record of the retention job's runs (<c>retention_runs</c>), and of the problems it has anonymised and up to which
/// version of their history (<c>anonymised_problems</c>), so a run never does again what an earlier one did.
/// </summary>
public static class RetentionRuns
{
    public const string Name = "retention_runs", AnonymisedName = "anonymised_problems";
    public static readonly string Table = ReadTables.Qualified(Name), Anonymised = ReadTables.Qualified(AnonymisedName);

    public const string Id = "id", StartedAt = "started_at", FinishedAt = "finished_at", Outcome = "outcome",
        ProblemsAnonymised = "problems_anonymised", ReportsDeleted = "reports_deleted", PhotosDeleted = "photos_deleted";

    public const string ProblemId = "problem_id", Version = "version", AnonymisedAt = "anonymised_at";

    /// <summary>How many runs the page and the API show, the latest first.</summary>
    public const int Latest = 30;

    public static void Declare(StoreOptions options)
    {
        options.Declare(Name, table =>
        {
            table.AddColumn(Id, "uuid").AsPrimaryKey();
            table.AddColumn(StartedAt, "timestamp with time zone").NotNull();
            table.AddColumn(FinishedAt, "timestamp with time zone").NotNull();
            table.AddColumn(Outcome, "text").NotNull();
            foreach (var count in new[] { ProblemsAnonymised, ReportsDeleted, PhotosDeleted })
                table.AddColumn(count, "integer").NotNull();
            table.Index([StartedAt]);
        });
        options.Declare(AnonymisedName, table =>
        {
            table.AddColumn(ProblemId, "uuid").AsPrimaryKey();
            table.AddColumn(Version, "integer").NotNull();
            table.AddColumn(AnonymisedAt, "timestamp with time zone").NotNull();
        });
    }

    public static async Task RecordAsync(IDocumentStore store, RetentionRun run, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Queue($"insert into {Table} ({Id}, {StartedAt}, {FinishedAt}, {Outcome}, {ProblemsAnonymised}, {ReportsDeleted}, {PhotosDeleted}) " +
                      "values (?, ?, ?, ?, ?, ?, ?)",
            Guid.CreateVersion7(), run.StartedAt, run.FinishedAt, run.Outcome, run.ProblemsAnonymised, run.ReportsDeleted, run.PhotosDeleted);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>The latest runs, newest first.</summary>
    public static Task<List<RetentionRun>> LatestAsync(IQuerySession session, CancellationToken cancellation) =>
        session.ReadAsync(
            $"select {StartedAt}, {FinishedAt}, {Outcome}, {ProblemsAnonymised}, {ReportsDeleted}, {PhotosDeleted} from {Table} " +
            $"order by {StartedAt} desc, {Id} desc limit ?",
            r => new RetentionRun(r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<DateTimeOffset>(1), Enum.Parse<RetentionOutcome>(r.GetString(2)),
                r.GetInt32(3), r.GetInt32(4), r.GetInt32(5)),
            cancellation, Latest);
}
