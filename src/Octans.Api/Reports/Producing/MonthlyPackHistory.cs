using Marten;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Reports.Producing;

/// <summary>
/// The pack's only I/O: the teams of the reference data, and the histories of an area's problems read from the event
/// store. What it reads is handed to <see cref="MonthlyPackModel.From"/>, which works out the pack.
/// </summary>
public static class MonthlyPackHistory
{
    public static async Task<MonthlyPackModel> AssembleAsync(IQuerySession session, string area, PackMonth month, CancellationToken cancellation)
    {
        var teams = await PartnerTeamsAsync(session, cancellation);
        var histories = await LoadAsync(session, area, cancellation);
        return MonthlyPackModel.From(area, month, histories, teams);
    }

    /// <summary>The teams actions are given to, with the partner each belongs to, as the pack names them.</summary>
    public static async Task<IReadOnlyList<PartnerTeam>> PartnerTeamsAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Team>().ToListAsync(cancellation)).Select(t => new PartnerTeam(t.Id, t.Name, t.Partner)).ToList();

    /// <summary>
    /// Every event of every problem reported in <paramref name="area"/>, grouped by problem in stream order. A stream is
    /// read whole: events dated after the cutoff, and problems reported after it, are left out by the model.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<IProblemEvent>>> LoadAsync(
        IQuerySession session, string area, CancellationToken cancellation)
    {
        // A problem's area is fixed when it is reported, so the snapshot's indexed area finds the same streams as
        // the events would, without scanning them.
        var ids = await session.Query<Problem>().Where(p => p.Area == area).Select(p => p.Id).ToListAsync(cancellation);
        if (ids.Count == 0)
            return [];

        // Read with plain SQL rather than Marten's event query, which deserializes each event asynchronously and
        // spent most of a 30,000-event pack's assembly doing so. Each row is buffered whole by Npgsql, so reading its
        // JSON synchronously never waits on the network.
        var options = session.DocumentStore.Options;
        var types = options.Events.AllKnownEventTypes().ToDictionary(t => t.EventTypeName, t => t.EventType);
        var serializer = options.Serializer();
        var histories = new Dictionary<Guid, List<IProblemEvent>>();
        var events = new Statement(
            $"select stream_id, type, data from {options.Events.DatabaseSchemaName}.mt_events " +
            "where stream_id = any(?) and is_archived = false order by stream_id, version",
            ids.ToArray());
        await session.ReadAsync(async reader =>
        {
            while (await reader.ReadAsync(cancellation))
            {
                if (!types.TryGetValue(reader.GetString(1), out var type) || !type.IsAssignableTo(typeof(IProblemEvent)))
                    continue;
                var streamId = reader.GetGuid(0);
                if (!histories.TryGetValue(streamId, out var history))
                    histories.Add(streamId, history = []);
                history.Add((IProblemEvent)serializer.FromJson(type, reader, 2));
            }
        }, cancellation, events);
        return [.. histories.Values];
    }
}
