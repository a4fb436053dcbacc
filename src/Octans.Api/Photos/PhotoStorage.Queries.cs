using Marten;
using Npgsql;
using Octans.Api.Setup;
using Octans.Api.Problems;

namespace Octans.Api.Photos;

/// <summary>A kept photo's copy and what it belongs to, for deciding who may see it.</summary>
public sealed record PhotoCopy(Guid? ProblemId, Guid? InboxReportId, byte[] Jpeg);

public static partial class PhotoStorage
{
    private static string Columns() => string.Join(", ", Id, ActionId, CriterionId, When, AddedAt, Width, Height);

    public static PhotoView ReadView(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.IsDBNull(2) ? null : r.GetGuid(2),
        r.IsDBNull(3) ? null : Choice.Of<Domain.BeforeOrAfter>(r.GetString(3)), r.GetFieldValue<DateTimeOffset>(4), r.GetInt32(5), r.GetInt32(6));

    /// <summary>A problem's photos, oldest first, read with <see cref="ReadView"/>.</summary>
    public static Statement OfProblem(Guid problemId) =>
        new($"select {Columns()} from {Table} where {ProblemId} = ? order by {AddedAt}, {Id}", problemId);

    /// <summary>One copy of a photo, or null when there is no photo with that id.</summary>
    public static Task<PhotoCopy?> CopyAsync(IQuerySession session, Guid id, PhotoSize size, CancellationToken cancellation)
    {
        var column = size switch { PhotoSize.Full => Full, PhotoSize.Page => Page, _ => Thumb };
        return session.ReadFirstAsync($"select {ProblemId}, {InboxReportId}, {column} from {Table} where {Id} = ?",
            r => new PhotoCopy(r.IsDBNull(0) ? null : r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetFieldValue<byte[]>(2)),
            cancellation, id);
    }

    /// <summary>The thumbnails of the photos with these ids, by id.</summary>
    public static async Task<Dictionary<Guid, byte[]>> ThumbnailsAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellation)
    {
        if (ids.Count == 0) return [];
        var rows = await session.ReadAsync($"select {Id}, {Thumb} from {Table} where {Id} = any(?)",
            r => (Id: r.GetGuid(0), Jpeg: r.GetFieldValue<byte[]>(1)), cancellation, ids.ToArray());
        return rows.ToDictionary(r => r.Id, r => r.Jpeg);
    }
}
