namespace Octans.Api.Problems.Listing;

/// <summary>
/// The orders the list can be sorted in, each with what needs chasing first: <see cref="Updated"/> the most recently
/// updated; <see cref="Risk"/> High, then Medium, then Low; <see cref="Confidence"/> Red, then Amber, then Green, then
/// problems not yet rated; <see cref="NextReview"/> the earliest next review date, problems with none last. Ties go to
/// the most recently updated.
/// </summary>
public enum ProblemOrder { Updated, Risk, Confidence, NextReview }

public sealed partial record ProblemFilter
{
    /// <summary>
    /// The order as SQL keys over the problems' rows (as d), each with its direction, the last the id so the order is total,
    /// with the values for the ? in them: the nearest first within a circle unless another order is asked for.
    /// </summary>
    public (IReadOnlyList<(string Key, string Direction)> Keys, IReadOnlyList<object> Values) Order()
    {
        var updated = ($"d.{ProblemRows.UpdatedAt}", "desc");
        var id = ($"d.{ProblemRows.Id}", "desc");
        if (Sort is null && Near is { } near)
            return ([($"st_distance(d.{ProblemRows.Pin}, {ProblemRows.PinFrom})", "asc"), ($"d.{ProblemRows.Id}", "asc")],
                [near.Longitude, near.Latitude]);
        return Sort switch
        {
            ProblemOrder.Risk => ([($"case d.{ProblemRows.Risk} when 'High' then 0 when 'Medium' then 1 else 2 end", "asc"), updated, id], []),
            ProblemOrder.Confidence =>
                ([($"case d.{ProblemRows.Rag} when 'Red' then 0 when 'Amber' then 1 when 'Green' then 2 else 3 end", "asc"), updated, id], []),
            ProblemOrder.NextReview => ([($"d.{ProblemRows.NextReviewOn}", "asc nulls last"), updated, id], []),
            _ => ([updated, id], []),
        };
    }
}
