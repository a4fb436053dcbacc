using Marten;
using Octans.Domain;

namespace Octans.Reports.MonthlyPacks;

/// <summary>The pack's only I/O: the histories of an area's problems, read from the event store in two queries.</summary>
public static class MonthlyPackHistory
{
    public static async Task<MonthlyPackModel> AssembleAsync(
        IQuerySession session, IReadOnlyList<PartnerTeam> teams, string area, PackMonth month, CancellationToken cancellation)
    {
        var histories = await LoadAsync(session, area, month, cancellation);
        return MonthlyPackModel.From(area, month, histories, teams);
    }

    /// <summary>
    /// Every event of every problem reported in <paramref name="area"/>, grouped by problem in stream order. Events
    /// dated after the cutoff are still read (a stream is read whole) and are left out by the model.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<IProblemEvent>>> LoadAsync(
        IQuerySession session, string area, PackMonth month, CancellationToken cancellation)
    {
        // A problem's area is fixed when it is reported, so the snapshot's indexed area finds the same streams as
        // the events would, without scanning them.
        var ids = await session.Query<Problem>()
            .Where(p => p.Area == area && p.ReportedAt < month.Cutoff)
            .Select(p => p.Id)
            .ToListAsync(cancellation);
        if (ids.Count == 0)
            return [];

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(ids.ToArray()))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);

        return events
            .Where(e => e.Data is IProblemEvent)
            .GroupBy(e => e.StreamId)
            .Select(stream => (IReadOnlyList<IProblemEvent>)stream.OrderBy(e => e.Version).Select(e => (IProblemEvent)e.Data).ToList())
            .ToList();
    }
}
