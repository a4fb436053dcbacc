using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Octans.Api.Photos;
using Octans.Api.Problems.Reporting;
using Octans.Domain;

namespace Octans.Api.Problems;

/// <summary>
/// Keeps the <see cref="Problem"/> its decisions read as a snapshot, in the transaction of every write, by calling the
/// domain's own From and Play, so Octans.Domain stays free of Marten and its source generator.
/// </summary>
public sealed class ProblemProjection : SingleStreamProjection<Problem, Guid>
{
    public ProblemProjection()
    {
        // A rebuild reads events a page at a time and writes every problem a page touches. Events of many problems
        // interleave, so bigger pages write each problem fewer times, and the cache spares reloading it between pages.
        Options.BatchSize = 20_000;
        Options.CacheLimitPerTenant = 10_000;
    }

    public override Problem? Evolve(Problem? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case ProblemReported reported:
                snapshot = Problem.From(reported);
                break;
            case IProblemEvent change when snapshot is not null:
                snapshot.Play(change);
                break;
        }
        if (snapshot is not null) snapshot.Version = (int)e.Version;
        return snapshot;
    }
}

public static class ProblemStorage
{
    public static void ConfigureProblems(this StoreOptions options)
    {
        options.Events.AddEventTypes(ProblemEvents.All);
        options.Projections.Add<ProblemProjection>(ProjectionLifecycle.Inline);
        ProblemReferences.Declare(options);
        ProblemReadModels.Declare(options);
        // Kept beside the events, not rebuilt from them: the problem page reads its photos with the read models.
        PhotoStorage.Declare(options);
    }
}
