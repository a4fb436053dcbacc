using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Timeline;

/// <summary>
/// One event of a problem's history. <see cref="Type"/> is the event's name, such as ActionPlanned; <see cref="Version"/>
/// is the problem's version it made, to page back from.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string By, string Type, string Summary, int Version);

public static class GetTimelineEndpoint
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// The problem's history, oldest first, each event as one line a coordinator can read: every event, or with
    /// <paramref name="before"/> and <paramref name="limit"/> the latest <paramref name="limit"/> (50 unless given) before
    /// that version. Page back with before set to the first line's version.
    /// </summary>
    [WolverineGet("/api/problems/{id}/timeline", Name = "GetProblemTimeline")]
    [Tags("Problems")]
    [ProducesResponseType<IReadOnlyList<TimelineEntry>>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? before, string? limit, ClaimsPrincipal user, IQuerySession session,
        IDocumentStore store, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var paged = !string.IsNullOrWhiteSpace(before) || !string.IsNullOrWhiteSpace(limit);
        var beforeVersion = Paging.Whole(before, int.MaxValue, 1, int.MaxValue, "before", "The version to page back from must be a whole number, 1 or more.", errors);
        var count = Paging.Whole(limit, paged ? ProblemTimeline.PageSize : int.MaxValue, 1, paged ? MaxPageSize : int.MaxValue, "limit",
            $"The number of lines must be a whole number from 1 to {MaxPageSize}.", errors);
        if (errors.Count > 0) return Answers.Invalid(errors).Result();
        return await ProblemTimeline.LoadAsync(session, new EventHistory(store), id, WhoMay.ReaderOf(user), beforeVersion, count, cancellation) is { } timeline
            ? Results.Ok(timeline)
            : WhoMay.NoSuchProblem().Result();
    }
}

/// <summary>A problem's history as lines, for the API and the problem page alike.</summary>
public static class ProblemTimeline
{
    public const int PageSize = 50;

    /// <summary>
    /// The latest <paramref name="count"/> lines before <paramref name="beforeVersion"/>, oldest first; null when there is
    /// no such problem, or the reader may not see it.
    /// </summary>
    public static async Task<IReadOnlyList<TimelineEntry>?> LoadAsync(IQuerySession session, EventHistory history, Guid id, Reader reader,
        int beforeVersion, int count, CancellationToken cancellation)
    {
        if (!reader.SeesAll && !await ProblemRows.SeenAsync(session, id, reader, cancellation)) return null;
        List<StoredEvent> events = [];
        var actions = new Dictionary<Guid, string>();
        var criteria = new Dictionary<Guid, string>();
        var phases = new List<(int, Phase)>();
        var moves = new Dictionary<int, (Guid?, DateOnly?)>();
        await session.ReadAsync(async r =>
        {
            events = await history.ReadAllAsync(r, cancellation);
            await r.NextResultAsync(cancellation);
            while (await r.ReadAsync(cancellation)) actions[r.GetGuid(0)] = r.GetString(1);
            await r.NextResultAsync(cancellation);
            while (await r.ReadAsync(cancellation)) criteria[r.GetGuid(0)] = r.GetString(1);
            await r.NextResultAsync(cancellation);
            while (await r.ReadAsync(cancellation)) phases.Add((r.GetInt32(0), Enum.Parse<Phase>(r.GetString(1))));
            await r.NextResultAsync(cancellation);
            while (await r.ReadAsync(cancellation))
                moves[r.GetInt32(0)] = (r.IsDBNull(1) ? null : r.GetGuid(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateOnly>(2));
        }, cancellation,
            history.LatestOfProblem(id, beforeVersion, count),
            new($"select {TeamTasks.Id}, {TeamTasks.Description} from {TeamTasks.Table} where {TeamTasks.ProblemId} = ?", id),
            new($"select {ProblemRecord.Id}, {ProblemRecord.Text} from {ProblemRecord.Criteria} where {ProblemRecord.ProblemId} = ?", id),
            new($"select {ProblemRecord.Version}, {ProblemRecord.Phase} from {ProblemRecord.Phases} where {ProblemRecord.ProblemId} = ? and {ProblemRecord.Version} < ? order by {ProblemRecord.Version}",
                id, beforeVersion),
            new($"select {TimelineMoves.Version}, {TimelineMoves.TeamBefore}, {TimelineMoves.DueBefore} from {TimelineMoves.Table} where {TimelineMoves.ProblemId} = ? and {TimelineMoves.Version} < ?",
                id, beforeVersion));
        if (events.Count == 0 && !await ProblemRows.ExistsAsync(session, id, cancellation)) return null;
        events.Reverse();

        var teamIds = events.Select(e => e.Change).OfType<ActionPlanned>().Select(p => p.TeamId)
            .Concat(events.Select(e => e.Change).OfType<ActionReassigned>().Select(r => r.TeamId))
            .Concat(moves.Values.Select(m => m.Item1).OfType<Guid>())
            .Concat(events.Select(e => e.Change).OfType<SensitivityChanged>().SelectMany(s => s.Teams));
        var teams = await ReferenceDataLookups.TeamNamesAsync(session, teamIds, cancellation);
        var duplicated = events.Select(e => e.Change).OfType<ProblemClosed>().Select(c => c.DuplicateOf).OfType<Guid>().Distinct().ToArray();
        var references = await ProblemRows.ReferencesAsync(session, duplicated, cancellation);
        return TimelineLines.Of(events, new TimelineContext(actions, criteria, phases, moves, teams, references));
    }
}
