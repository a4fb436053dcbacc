using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Marten;

namespace Octans.Api.ReferenceData;

public static class ReferenceDataLookups
{
    // Areas are seeded and never renamed or removed, so an area once found stays known to the store's process.
    private static readonly ConditionalWeakTable<IDocumentStore, ConcurrentDictionary<string, Area>> KnownAreas = new();

    /// <summary>
    /// An area by its name ("High Town") or its code ("HT"), ignoring case. An area found once is not looked up again, so
    /// the board, the inbox and the dashboard cost no round trip for it.
    /// </summary>
    public static async Task<Area?> FindAreaAsync(IQuerySession session, string? nameOrCode, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode)) return null;
        var wanted = nameOrCode.Trim();
        var known = KnownAreas.GetOrCreateValue(session.DocumentStore);
        if (known.TryGetValue(wanted.ToUpperInvariant(), out var remembered)) return remembered;
        var areas = await session.Query<Area>().ToListAsync(cancellation);
        var found = areas.FirstOrDefault(a => a.Name.Equals(wanted, StringComparison.OrdinalIgnoreCase) || a.Id.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        if (found is not null)
        {
            known[found.Name.ToUpperInvariant()] = found;
            known[found.Id.ToUpperInvariant()] = found;
        }
        return found;
    }

    public static async Task<bool> CategoryExistsAsync(IQuerySession session, string name, CancellationToken cancellation) =>
        await session.Query<Category>().AnyAsync(c => c.Id == name.Trim(), cancellation);

    public static async Task<bool> IsSensitiveCategoryAsync(IQuerySession session, string name, CancellationToken cancellation) =>
        await session.Query<Category>().AnyAsync(c => c.Id == name && c.Sensitive, cancellation);

    // Teams are added and never removed, so a team once found stays known to the store's process.
    private static readonly ConditionalWeakTable<IDocumentStore, ConcurrentDictionary<Guid, bool>> KnownTeams = new();

    /// <summary>Whether the team exists; a team found once is not looked up again, so planning an action costs no extra round trip.</summary>
    public static async Task<bool> TeamExistsAsync(IQuerySession session, Guid id, CancellationToken cancellation)
    {
        var known = KnownTeams.GetOrCreateValue(session.DocumentStore);
        if (known.ContainsKey(id)) return true;
        if (await session.LoadAsync<Team>(id, cancellation) is null) return false;
        known[id] = true;
        return true;
    }

    public static async Task<IReadOnlyDictionary<Guid, string>> TeamNamesAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Team>().ToListAsync(cancellation)).ToDictionary(t => t.Id, t => t.Name);

    /// <summary>The names of these teams only: a partnership may have hundreds of teams where a page names a few.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> TeamNamesAsync(IQuerySession session, IEnumerable<Guid> teamIds,
        CancellationToken cancellation)
    {
        var wanted = teamIds.Distinct().ToArray();
        if (wanted.Length == 0) return new Dictionary<Guid, string>();
        return (await session.LoadManyAsync<Team>(cancellation, wanted)).ToDictionary(t => t.Id, t => t.Name);
    }
}
