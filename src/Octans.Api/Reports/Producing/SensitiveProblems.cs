using Marten;

namespace Octans.Api.Reports.Producing;

/// <summary>
/// The one place the Pathways pack asks which problems it must leave out because they, or their category, are sensitive:
/// a place that must never be published. Problems and categories carry no sensitivity yet, so none is left out; when they do,
/// this answers from it and the pack follows.
/// </summary>
public static class SensitiveProblems
{
    public static Task<IReadOnlySet<Guid>> AmongAsync(IQuerySession session, IReadOnlyCollection<Guid> problems, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());
}
