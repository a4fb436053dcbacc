using Marten;
using Npgsql;
using Octans.Api.Setup;

namespace Octans.Api.Problems.Listing;

public static partial class ProblemRows
{
    /// <summary>
    /// Every problem the export's filters match, in the list's order, each handed to <paramref name="row"/> as the reader
    /// meets it: the rows are never gathered, so the export costs the same memory however many it has.
    /// </summary>
    public static Task ExportAsync(IQuerySession session, ProblemExport export, Func<NpgsqlDataReader, Task> row, CancellationToken cancellation)
    {
        var (condition, values) = export.Filter.Condition();
        var columns = export.Columns;
        var (keys, orderValues) = export.Filter.Order();
        var statement = new Statement(
            $"select {string.Join(", ", columns.Select(c => c.Sql))} from {Table} as d where {condition} order by {string.Join(", ", keys.Select(k => $"{k.Key} {k.Direction}"))}",
            [.. columns.Where(c => c.NeedsToday).Select(_ => (object)export.Filter.Today), .. values, .. orderValues]);
        return session.ReadAsync(async reader =>
        {
            while (await reader.ReadAsync(cancellation)) await row(reader);
        }, cancellation, statement);
    }
}
