using Marten;
using Wolverine.Http;

namespace Octans.Api.ReferenceData;

public sealed record AreaView(string Name, string Code);
public sealed record CategoryView(string Name, bool Sensitive)
{
    /// <summary>The partner teams who may see the problems of a sensitive category, besides coordinators and administrators.</summary>
    public IReadOnlyList<Guid> Teams { get; init; } = [];
}
public sealed record TeamView(Guid Id, string Name, string Partner);

public static class ListReferenceDataEndpoints
{
    [WolverineGet("/api/areas", Name = "ListAreas")]
    public static async Task<IReadOnlyList<AreaView>> Areas(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Area>().OrderBy(a => a.Name).ToListAsync(cancellation)).Select(a => new AreaView(a.Name, a.Id)).ToList();

    [WolverineGet("/api/categories", Name = "ListCategories")]
    public static async Task<IReadOnlyList<CategoryView>> Categories(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Category>().OrderBy(c => c.Id).ToListAsync(cancellation)).Select(c => new CategoryView(c.Id, c.Sensitive) { Teams = c.Teams }).ToList();

    [WolverineGet("/api/teams", Name = "ListTeams")]
    public static async Task<IReadOnlyList<TeamView>> Teams(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Team>().OrderBy(t => t.Name).ToListAsync(cancellation)).Select(t => new TeamView(t.Id, t.Name, t.Partner)).ToList();
}
