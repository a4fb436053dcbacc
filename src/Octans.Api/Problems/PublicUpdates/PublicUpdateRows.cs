using Marten;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.PublicUpdates;

/// <summary>
/// The public updates read model: a row per update with its problem's area, so the community page, feed and month's
/// text read an area's updates from one index and join only their problems' rows, which say whether each is sensitive
/// now. A problem marked sensitive after an update was written is left out from that moment, without rewriting a row.
/// </summary>
public static partial class PublicUpdateRows
{
    public const string Name = "public_updates";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string ProblemId = "problem_id", Version = "version", Area = "area", Text = "text", WrittenAt = "written_at", By = "by";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(ProblemId, "uuid").AsPrimaryKey();
        table.AddColumn(Version, "integer").AsPrimaryKey();
        table.AddColumn(Area, "text").NotNull();
        table.AddColumn(Text, "text").NotNull();
        table.AddColumn(WrittenAt, "timestamp with time zone").NotNull();
        table.AddColumn(By, "text").NotNull();
        table.Index([Area, WrittenAt]);
    });

    /// <summary>A problem's area never changes, so it is copied from its row when the update is written.</summary>
    public static void Project(IDocumentOperations operations, IProblemEvent change, int version)
    {
        if (change is PublicUpdateWritten e)
            operations.Queue(
                $"""
                 insert into {Table} ({ProblemId}, {Version}, {Area}, {Text}, {WrittenAt}, {By})
                 select ?, ?, p.{ProblemRows.Area}, ?, ?, ? from {ProblemRows.Table} as p where p.{ProblemRows.Id} = ?
                 """,
                e.ProblemId, version, e.Text, e.WrittenAt, e.By.Name, e.ProblemId);
    }
}
