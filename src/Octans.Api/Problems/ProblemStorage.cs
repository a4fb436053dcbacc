using JasperFx.Events.Projections;
using Marten;
using Octans.Domain;

namespace Octans.Api.Problems;

public static class ProblemStorage
{
    public static void ConfigureProblems(this StoreOptions options)
    {
        options.Events.AddEventTypes(ProblemEvents.All);

        // The aggregate is kept up to date in the same transaction as every write, and doubles as the read
        // model of the problem page and the board.
        options.Projections.Add<ProblemProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Problem>()
            .Index(p => p.Area)
            .Index(p => p.Phase)
            .Index(p => p.Status)
            .Index(p => p.Category)
            .Index(p => p.UpdatedAt)
            .Index(p => p.EarliestOpenDueOn)
            .UniqueIndex(p => p.Reference);
    }
}
