using Marten;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.Listing;

/// <summary>An open problem whose next review date has passed, and by how many days.</summary>
public sealed record ReviewOverdue(Guid ProblemId, string Reference, string Title, string Place, DateOnly NextReviewOn, int DaysLate);

/// <summary>How many open problems the last review rated Red, Amber and Green, and how many have no rating yet.</summary>
public sealed record ConfidenceCounts(int Red, int Amber, int Green, int None);

public static partial class ProblemRows
{
    /// <summary>
    /// The open problems the reader may see whose next review was due before <paramref name="today"/> in London, for one area
    /// or all of them: the <paramref name="most"/> longest overdue, from the partial index of open problems' next reviews,
    /// and how many there are in all.
    /// </summary>
    public static async Task<(IReadOnlyList<ReviewOverdue> Most, int Total)> ReviewsOverdueAsync(IQuerySession session, string? area, Reader reader,
        DateOnly today, int most, CancellationToken cancellation)
    {
        var rows = await session.ReadAsync(
            $"""
             select d.{Id}, d.{Reference}, d.{Title}, d.{Place}, d.{NextReviewOn}, count(*) over ()::int from {Table} as d
             where d.{Status} = 'Open' and d.{NextReviewOn} < ? and (?::text is null or d.{Area} = ?) and {VisibleTo("d", reader)}
             order by d.{NextReviewOn}, d.{Reference} limit ?
             """,
            r =>
            {
                var due = r.GetFieldValue<DateOnly>(4);
                return (Row: new ReviewOverdue(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), due, today.DayNumber - due.DayNumber),
                    Total: r.GetInt32(5));
            },
            cancellation, today, area, area, most);
        return ([.. rows.Select(r => r.Row)], rows.Count > 0 ? rows[0].Total : 0);
    }

    /// <summary>The open problems the reader may see by their confidence, for one area or all of them, from an index alone.</summary>
    public static async Task<ConfidenceCounts> ConfidenceAsync(IQuerySession session, string? area, Reader reader, CancellationToken cancellation)
    {
        var counts = await session.ReadAsync(
            $"""
             select d.{Rag}, count(*)::int from {Table} as d
             where d.{Status} = 'Open' and (?::text is null or d.{Area} = ?) and {VisibleTo("d", reader)} group by d.{Rag}
             """,
            r => (Rag: r.IsDBNull(0) ? null : r.GetString(0), Count: r.GetInt32(1)), cancellation, area, area);
        int Of(Rag? rag) => counts.Where(c => c.Rag == rag?.ToString()).Sum(c => c.Count);
        return new ConfidenceCounts(Of(Domain.Rag.Red), Of(Domain.Rag.Amber), Of(Domain.Rag.Green), Of(null));
    }
}
