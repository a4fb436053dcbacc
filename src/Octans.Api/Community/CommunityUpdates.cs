using System.Globalization;
using Marten;
using Octans.Api.Problems.PublicUpdates;
using Octans.Api.ReferenceData;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;

namespace Octans.Api.Community;

/// <summary>
/// "You said, we did": an area's public updates as residents read them, without signing in, on the community page, the
/// Atom feed and the month's text. Nothing sensitive is in them (<see cref="PublicUpdateRows.PublishedAsync"/>), and a
/// place is its street (<see cref="PublicPlace"/>), never a pin.
/// </summary>
public static class CommunityUpdates
{
    /// <summary>The area by its code (HT), or null when Octans knows none.</summary>
    public static Task<Area?> AreaAsync(IQuerySession session, string areaCode, CancellationToken cancellation) =>
        ReferenceDataLookups.FindAreaAsync(session, areaCode, cancellation);

    public static Task<IReadOnlyList<PublishedUpdate>> LatestAsync(IQuerySession session, Area area, CancellationToken cancellation) =>
        PublicUpdateRows.PublishedAsync(session, area.Name, cancellation);

    /// <summary>The month's updates, oldest first, as a list reads in an alert.</summary>
    public static async Task<IReadOnlyList<PublishedUpdate>> OfMonthAsync(IQuerySession session, Area area, PackMonth month, CancellationToken cancellation) =>
        [.. (await PublicUpdateRows.PublishedAsync(session, area.Name, cancellation, int.MaxValue, month.Start, month.Cutoff)).Reverse()];

    /// <summary>"12 Nov", the day in London.</summary>
    public static string Day(DateTimeOffset at) => London.Today(at).ToString("d MMM", CultureInfo.InvariantCulture);

    /// <summary>Where the page shows the update, for links from the feed.</summary>
    public static string Anchor(PublishedUpdate update) => $"update-{update.ProblemId:N}-{update.Version}";
}
