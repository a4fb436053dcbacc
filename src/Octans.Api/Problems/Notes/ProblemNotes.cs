using Marten;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.Notes;

/// <summary>
/// The notes read model: a row per note, keyed by the version of the event that added it, so the problem page and the
/// API read the latest notes and page back through older ones without reading the rest of the history.
/// </summary>
public static partial class ProblemNotes
{
    public const string Name = "notes";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string ProblemId = "problem_id", Version = "version", At = "at", By = "by", Text = "text";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(ProblemId, "uuid").AsPrimaryKey();
        table.AddColumn(Version, "integer").AsPrimaryKey();
        table.AddColumn(At, "timestamp with time zone").NotNull();
        table.AddColumn(By, "text").NotNull();
        table.AddColumn(Text, "text").NotNull();
    });

    public static void Project(IDocumentOperations operations, IProblemEvent change, int version)
    {
        if (change is NoteAdded e)
            operations.Queue($"insert into {Table} ({ProblemId}, {Version}, {At}, {By}, {Text}) values (?, ?, ?, ?, ?)",
                e.ProblemId, version, e.AddedAt, e.By.Name, e.Text);
    }
}
