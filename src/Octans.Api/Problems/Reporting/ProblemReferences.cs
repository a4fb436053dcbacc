using Marten;
using Octans.Api.Setup;

namespace Octans.Api.Problems.Reporting;

/// <summary>
/// Hands out HT-0001, HT-0002… per area with no gaps or repeats: the counter row stays locked until the
/// transaction that starts the problem commits, and a rollback hands the number back.
/// </summary>
public static class ProblemReferences
{
    public const string Name = "problem_reference_counters";
    public static readonly string Table = ReadTables.Qualified(Name);
    public const string AreaCode = "area_code", LastNumber = "last_number";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(AreaCode, "text").AsPrimaryKey();
        table.AddColumn(LastNumber, "integer").NotNull();
    });

    public static async Task<string> NextAsync(IDocumentSession session, string areaCode, CancellationToken cancellation)
    {
        var number = await session.ScalarAsync<int>(
            $"""
             insert into {Table} as c ({AreaCode}, {LastNumber}) values (?, 1)
             on conflict ({AreaCode}) do update set {LastNumber} = c.{LastNumber} + 1
             returning {LastNumber}
             """,
            cancellation, areaCode);
        return Format(areaCode, number);
    }

    /// <summary>
    /// Makes the area's next reference follow <paramref name="lastNumber"/> at least, as after loading numbered problems,
    /// with the session's next SaveChanges.
    /// </summary>
    public static void ContinueAfter(IDocumentOperations operations, string areaCode, int lastNumber) =>
        operations.Queue(
            $"""
             insert into {Table} as c ({AreaCode}, {LastNumber}) values (?, ?)
             on conflict ({AreaCode}) do update set {LastNumber} = greatest(c.{LastNumber}, excluded.{LastNumber})
             """,
            areaCode, lastNumber);

    public static string Format(string areaCode, int number) => $"{areaCode}-{number:0000}";
}
