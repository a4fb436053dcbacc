using Marten;
using Octans.Api.Photos;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Reports.Producing;

/// <summary>
/// The pack's only I/O: the teams of the reference data, and the histories of an area's problems read from the event
/// store, less those sensitive now (whatever they were at the cutoff: a place marked since must not be named again),
/// which are only counted. What it reads is handed to <see cref="MonthlyPackModel.From"/>, which works out the pack.
/// </summary>
public static class MonthlyPackHistory
{
    public static async Task<MonthlyPackModel> AssembleAsync(IQuerySession session, string area, PackMonth month, CancellationToken cancellation)
    {
        var teams = await PartnerTeamsAsync(session, cancellation);
        var ids = await ProblemRows.ReportedInAreaAsync(session, area, month.Cutoff, cancellation);
        var sensitive = await ProblemRows.HiddenAmongAsync(session, ids, Reader.Public, cancellation);
        var histories = await LoadAsync(session, [.. ids.Where(id => !sensitive.Contains(id))], cancellation);
        return MonthlyPackModel.From(area, month, histories, teams, await ThumbnailsAsync(session, histories, month, cancellation))
            with { SensitiveNotListed = sensitive.Count };
    }

    /// <summary>The thumbnails of the photos the pack can show: those added in the month, the latest few of each problem.</summary>
    public static Task<Dictionary<Guid, byte[]>> ThumbnailsAsync(IQuerySession session, IReadOnlyList<IReadOnlyList<IProblemEvent>> histories,
        PackMonth month, CancellationToken cancellation) =>
        PhotoStorage.ThumbnailsAsync(session, [.. histories.SelectMany(history => history
            .OfType<PhotoAdded>()
            .Where(photo => month.Contains(photo.AddedAt))
            .TakeLast(MonthlyPackModel.MostPhotosPerProblem)
            .Select(photo => photo.PhotoId))], cancellation);

    /// <summary>The teams actions are given to, with the partner each belongs to, as the pack names them.</summary>
    public static async Task<IReadOnlyList<PartnerTeam>> PartnerTeamsAsync(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Team>().ToListAsync(cancellation)).Select(t => new PartnerTeam(t.Id, t.Name, t.Partner)).ToList();

    /// <summary>
    /// Every event of these problems (those reported in the area before the month's cutoff, less the sensitive ones),
    /// grouped by problem in stream order. A stream is read whole: events dated after the cutoff are left out by the model.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<IProblemEvent>>> LoadAsync(IQuerySession session, Guid[] ids, CancellationToken cancellation)
    {
        if (ids.Length == 0)
            return [];
        var events = await new EventHistory(session.DocumentStore).OfProblemsAsync(session, ids, cancellation);
        return [.. events.GroupBy(e => e.ProblemId).Select(history => history.Select(e => e.Change).ToList())];
    }
}
