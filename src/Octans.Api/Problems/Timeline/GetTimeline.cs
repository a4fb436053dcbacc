using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Timeline;

/// <summary>One event of a problem's history. <see cref="Type"/> is the event's name, such as ActionPlanned.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string By, string Type, string Summary);

public static class GetTimelineEndpoint
{
    /// <summary>Every event of the problem, oldest first, each as one line a coordinator can read.</summary>
    [WolverineGet("/api/problems/{id}/timeline", Name = "GetProblemTimeline")]
    [Tags("Problems")]
    [ProducesResponseType<IReadOnlyList<TimelineEntry>>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await ProblemTimeline.LoadAsync(session, id, cancellation) is { } timeline
            ? Results.Ok(timeline)
            : Results.Problem(statusCode: 404, title: "Not found", detail: "There is no problem with that id.");
}

/// <summary>A problem's history as lines, for the API and the problem page alike.</summary>
public static class ProblemTimeline
{
    public static async Task<IReadOnlyList<TimelineEntry>?> LoadAsync(IQuerySession session, Guid id, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        var history = events.Select(e => e.Data).OfType<IProblemEvent>().ToList();
        if (history.Count == 0) return null;

        var teams = await ReferenceDataLookups.TeamNamesAsync(session, cancellation);
        var duplicated = history.OfType<ProblemClosed>().Select(c => c.DuplicateOf).OfType<Guid>().Distinct().ToArray();
        var references = duplicated.Length == 0
            ? new Dictionary<Guid, string>()
            : (await session.Query<Problem>().Where(p => p.Id.IsOneOf(duplicated)).Select(p => new ProblemReference(p.Id, p.Reference))
                .ToListAsync(cancellation)).ToDictionary(p => p.Id, p => p.Reference);
        return TimelineLines.Of(history, teams, references);
    }

    private sealed record ProblemReference(Guid Id, string Reference);
}
