using Marten;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Domain;
using Octans.Reports.PathwaysPacks;

namespace Octans.Api.Reports.Producing;

/// <summary>
/// The Pathways pack's only I/O: the histories of an area's problems reported before the quarter's cutoff, read from the
/// event store, and which of them are sensitive, which the model leaves out whole.
/// </summary>
public static class PathwaysPackHistory
{
    public static async Task<PathwaysPackModel> AssembleAsync(IQuerySession session, string area, PackQuarter quarter, CancellationToken cancellation)
    {
        var ids = await ProblemRows.ReportedInAreaAsync(session, area, quarter.Cutoff, cancellation);
        var sensitive = await ProblemRows.HiddenAmongAsync(session, ids, Reader.Public, cancellation);
        var published = ids.Where(id => !sensitive.Contains(id)).ToArray();
        if (published.Length == 0)
            return PathwaysPackModel.From(area, quarter, [], sensitive);
        var events = await new EventHistory(session.DocumentStore).OfProblemsAsync(session, published, cancellation);
        return PathwaysPackModel.From(area, quarter, events.GroupBy(e => e.ProblemId).Select(history => history.Select(e => e.Change)), sensitive);
    }
}
