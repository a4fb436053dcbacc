using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Domain;
using P = Octans.Api.Problems.Listing.ProblemRows;

namespace Octans.Api.Problems.PublicUpdates;

/// <summary>An update as the problem page shows it to the partnership.</summary>
public sealed record PublicUpdateView(DateTimeOffset WrittenAt, string By, string Text);

/// <summary>
/// An update as residents see it: the problem's reference, title and street (<see cref="PublicPlace"/>), never its pin,
/// its statement or who wrote it.
/// </summary>
public sealed record PublishedUpdate(Guid ProblemId, int Version, string Reference, string Title, string Place, Phase Phase, ProblemStatus Status,
    string Text, DateTimeOffset WrittenAt);

public static partial class PublicUpdateRows
{
    /// <summary>The most the community page and feed show: the latest, which is what residents look for.</summary>
    public const int Latest = 50;

    /// <summary>The problem's updates, newest first, whether or not it is sensitive now: for the partnership's own page.</summary>
    public static Statement OfProblem(Guid problemId) =>
        new($"select {WrittenAt}, {By}, {Text} from {Table} where {ProblemId} = ? order by {Version} desc", problemId);

    public static PublicUpdateView ReadView(NpgsqlDataReader r) => new(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2));

    /// <summary>
    /// The SQL of the latest update of the problem in a row (as <paramref name="row"/>), or null when it has none, is
    /// sensitive or its updates were removed under the retention policy: what Open311 tells the people who reported it.
    /// </summary>
    public static string LatestTextOf(string row) =>
        $"(select u.{Text} from {Table} as u where u.{ProblemId} = {row}.{P.Id} and {P.VisibleTo(row, Reader.Public)} and {StillPublished("u")} order by u.{Version} desc limit 1)";

    /// <summary>
    /// The SQL test that an update (as <paramref name="update"/>) may still be published: one whose text the retention
    /// policy removed is taken down with it, from the community page, feed, month's text and Open311 alike.
    /// </summary>
    public static string StillPublished(string update) => $"{update}.{Text} <> '{RetentionPolicy.Removed}'";

    /// <summary>An area's published updates, newest first: the latest <paramref name="most"/>, or those written in [from, to).</summary>
    public static async Task<IReadOnlyList<PublishedUpdate>> PublishedAsync(IQuerySession session, string area, CancellationToken cancellation,
        int most = Latest, DateTimeOffset? from = null, DateTimeOffset? to = null) =>
        await session.ReadAsync(
            $"""
             select u.{ProblemId}, u.{Version}, p.{P.Reference}, p.{P.Title}, p.{P.Place}, p.{P.Ward}, p.{P.Phase}, p.{P.Status}, u.{Text}, u.{WrittenAt}
             from {Table} as u join {P.Table} as p on p.{P.Id} = u.{ProblemId}
             where u.{Area} = ? and (?::timestamptz is null or u.{WrittenAt} >= ?) and (?::timestamptz is null or u.{WrittenAt} < ?)
                 and {P.VisibleTo("p", Reader.Public)} and {StillPublished("u")}
             order by u.{WrittenAt} desc, u.{ProblemId}, u.{Version} desc
             limit ?
             """,
            r => new PublishedUpdate(r.GetGuid(0), r.GetInt32(1), r.GetString(2), r.GetString(3),
                PublicPlace.Of(new Location(r.GetString(4), null, null, null, null, r.IsDBNull(5) ? null : r.GetString(5))),
                Enum.Parse<Phase>(r.GetString(6)), Enum.Parse<ProblemStatus>(r.GetString(7)), r.GetString(8), r.GetFieldValue<DateTimeOffset>(9)),
            cancellation, area, from, from, to, to, most);
}
