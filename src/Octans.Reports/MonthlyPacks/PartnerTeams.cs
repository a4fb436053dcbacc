using Marten;

namespace Octans.Reports.MonthlyPacks;

/// <summary>A team that actions are given to, and the partner organisation it belongs to.</summary>
public sealed record PartnerTeam(Guid Id, string Name, string Partner);

/// <summary>
/// Where the pack learns the names of teams and partners. Octans.Api keeps them as reference data, which this
/// project does not know, so the host says how to read them.
/// </summary>
public interface IPartnerTeams
{
    Task<IReadOnlyList<PartnerTeam>> AllAsync(IQuerySession session, CancellationToken cancellation);
}
