using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Tests.Problems;

/// <summary>
/// The SQL of who sees a problem (<see cref="ProblemRows.VisibleTo"/>, for lists and counts) and its C# (<see cref="Sight"/>,
/// for one problem) give the same answer for every reader, mark and team named on the problem or its category.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VisibilityRuleTests(AppFixture app)
{
    private static readonly Guid Police = Team.HighTownPolice.Id, Outreach = Team.AzaleaOutreach.Id, Lighting = Team.StreetLighting.Id;

    [Fact]
    public async Task The_SQL_and_the_CSharp_of_the_rule_agree_everywhere()
    {
        var categories = new List<Category>();
        foreach (var sensitive in new[] { false, true })
            foreach (var teams in new List<Guid>[] { [], [Outreach], [Police, Outreach] })
                categories.Add(new Category { Id = $"Rule check {Guid.NewGuid():N}"[..30], Sensitive = sensitive, Teams = teams });
        await using (var session = app.Store.LightweightSession())
        {
            session.Store([.. categories]);
            await session.SaveChangesAsync();
        }

        Reader[] readers = [Reader.Everything, Reader.Public, Reader.OfTeam(Police), Reader.OfTeam(Outreach), Reader.OfTeam(Lighting)];
        var marks = new (bool Sensitive, Guid[] Teams)[] { (false, []), (true, []), (true, [Police]), (true, [Police, Outreach]) };
        var disagreements = new List<string>();
        var seen = 0;
        await using var query = app.Store.QuerySession();
        foreach (var reader in readers)
            foreach (var (sensitive, teams) in marks)
                foreach (var category in categories)
                {
                    var sql = await query.ReadFirstAsync(
                        $"select {ProblemRows.VisibleTo("r", reader)} from (select ?::boolean as {ProblemRows.Sensitive}, " +
                        $"?::uuid[] as {ProblemRows.SensitiveTeams}, ?::text as {ProblemRows.Category}) as r",
                        r => r.GetBoolean(0), CancellationToken.None, sensitive, teams, category.Id);
                    var csharp = Sight.Sees(reader, sensitive, teams, category.Sensitive, category.Teams);
                    if (csharp) seen++;
                    if (sql != csharp)
                        disagreements.Add($"{reader}, problem {sensitive} [{string.Join(",", teams)}], category {category.Sensitive} [{string.Join(",", category.Teams)}]: SQL {sql}, C# {csharp}");
                }

        disagreements.ShouldBeEmpty();
        seen.ShouldBeInRange(1, readers.Length * marks.Length * categories.Count - 1);
    }
}
