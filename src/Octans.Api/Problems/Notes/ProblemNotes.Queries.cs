using Marten;
using Npgsql;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Setup;

namespace Octans.Api.Problems.Notes;

/// <summary>A page of a problem's notes, oldest first, of <see cref="Total"/>; <see cref="Earlier"/> is where the ones before them are.</summary>
public sealed record NotesPage(IReadOnlyList<NoteView> Items, int Total, string? Earlier);

public static partial class ProblemNotes
{
    public const int PageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>The latest <paramref name="count"/> notes added before <paramref name="beforeVersion"/>, newest first.</summary>
    public static Statement Latest(Guid problemId, int beforeVersion, int count) => new(
        $"select {At}, {By}, {Text}, {Version} from {Table} where {ProblemId} = ? and {Version} < ? order by {Version} desc limit ?",
        problemId, beforeVersion, count);

    public static NoteView ReadNote(NpgsqlDataReader r) => new(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetInt32(3));

    public static string EarlierUrl(Guid problemId, int beforeVersion) => $"/api/problems/{problemId}/notes?before={beforeVersion}";

    /// <summary>The notes added before <paramref name="beforeVersion"/>, the latest <paramref name="count"/> of them, oldest first.</summary>
    public static async Task<NotesPage> PageAsync(IQuerySession session, Guid problemId, int beforeVersion, int count, CancellationToken cancellation)
    {
        List<NoteView> notes = [];
        var (total, earlier) = (0, 0);
        await session.ReadAsync(async r =>
        {
            while (await r.ReadAsync(cancellation)) notes.Add(ReadNote(r));
            await r.NextResultAsync(cancellation);
            if (await r.ReadAsync(cancellation)) (total, earlier) = (r.GetInt32(0), r.GetInt32(1));
        }, cancellation,
            Latest(problemId, beforeVersion, count),
            new($"select count(*)::int, (count(*) filter (where {Version} < ?))::int from {Table} where {ProblemId} = ?", beforeVersion, problemId));
        notes.Reverse();
        var more = notes.Count > 0 && earlier > notes.Count;
        return new NotesPage(notes, total, more ? EarlierUrl(problemId, notes[0].Version) : null);
    }
}
