using Marten;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.ReferenceData;

/// <summary>The teams of the reference data, as the monthly pack names them.</summary>
public sealed class PartnerTeams : IPartnerTeams
{
    public async Task<IReadOnlyList<PartnerTeam>> AllAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Team>().ToListAsync(cancellation)).Select(t => new PartnerTeam(t.Id, t.Name, t.Partner)).ToList();
}
