using JasperFx.Events.Projections;
using Marten;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Weasel.Postgresql.Tables;

namespace Octans.Api.Problems;

public static class ProblemStorage
{
    public static void ConfigureProblems(this StoreOptions options)
    {
        options.Events.AddEventTypes(ProblemEvents.All);

        // The aggregate is kept up to date in the same transaction as every write, and doubles as the read
        // model of the problem page and the board.
        options.Projections.Add<ProblemProjection>(ProjectionLifecycle.Inline);

        // What the problem list and the dashboard filter, count and sort by is copied into real, indexed columns,
        // so a national list of problems is searched through indexes rather than by reading every document's JSON.
        options.Schema.For<Problem>()
            .Duplicate(p => p.Area)
            .Duplicate(p => p.Phase)
            .Duplicate(p => p.Status)
            .Duplicate(p => p.Category)
            .Duplicate(p => p.Rag)
            .Duplicate(p => p.UpdatedAt)
            .Duplicate(p => p.EarliestOpenDueOn)
            .Duplicate(p => p.Reference, configure: index => index.IsUnique = true)
            .Duplicate(p => p.OpenActionTeamIds, pgType: "uuid[]", configure: index => index.Method = IndexMethod.gin);

        options.ConfigureTeamTasks();
    }
}
