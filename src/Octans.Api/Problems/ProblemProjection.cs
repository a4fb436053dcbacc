using JasperFx.Events;
using Marten.Events.Aggregation;
using Octans.Domain;

namespace Octans.Api.Problems;

/// <summary>
/// Keeps the <see cref="Problem"/> snapshot by calling the domain's own Create and Play, so Octans.Domain stays
/// free of Marten and its source generator.
/// </summary>
public sealed class ProblemProjection : SingleStreamProjection<Problem, Guid>
{
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
