using Marten;
using Npgsql;
using Octans.Api.Photos;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems.Notes;
using Octans.Api.Problems.PublicUpdates;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Teams.TaskList;
using Octans.Domain;

namespace Octans.Api.Problems.GettingDetails;

public static partial class ProblemRecord
{
    /// <summary>
    /// The problem page's content in one round trip (and a second for its teams' names): its row, actions, exit criteria,
    /// reviews, phases, recurrences and latest notes. None of them is the whole history, so the answer stays the same size
    /// as notes pile up. Null when there is no such problem, or the reader may not see it.
    /// </summary>
    public static async Task<ProblemDetailsView?> ReadAsync(IQuerySession session, Guid id, Reader reader, DateOnly today, CancellationToken cancellation,
        int notes = ProblemNotes.PageSize)
    {
        ProblemHead? head = null;
        List<ActionRow> actions = [];
        List<ExitCriterionView> criteria = [];
        List<ReviewView> reviews = [];
        List<PhaseEntryView> phases = [];
        List<RecurrenceView> recurrences = [];
        List<NoteView> latest = [];
        List<PhotoView> photos = [];
        List<PublicUpdateView> updates = [];
        await session.ReadAsync(async r =>
        {
            head = await ReadOneAsync(r, ProblemRows.ReadHead, cancellation);
            actions = await ReadAllAsync(r, TeamTasks.ReadAction, cancellation);
            criteria = await ReadAllAsync(r, c => new ExitCriterionView(c.GetGuid(0), Enum.Parse<Phase>(c.GetString(1)), c.GetString(2), c.GetBoolean(3),
                c.IsDBNull(4) ? null : c.GetFieldValue<DateTimeOffset>(4), TextOrNull(c, 5), TextOrNull(c, 6)), cancellation);
            reviews = await ReadAllAsync(r, v => new ReviewView(v.GetFieldValue<DateOnly>(0), Enum.Parse<Rag>(v.GetString(1)), v.GetString(2),
                v.IsDBNull(3) ? null : v.GetFieldValue<DateOnly>(3), v.GetString(4)), cancellation);
            phases = await ReadAllAsync(r, p => new PhaseEntryView(Enum.Parse<Phase>(p.GetString(0)), p.GetFieldValue<DateTimeOffset>(1),
                p.GetString(2), TextOrNull(p, 3), p.GetBoolean(4)), cancellation);
            recurrences = await ReadAllAsync(r, c => new RecurrenceView(c.GetFieldValue<DateOnly>(0), c.GetString(1), TextOrNull(c, 2), c.GetString(3),
                c.GetFieldValue<DateTimeOffset>(4)), cancellation);
            latest = await ReadAllAsync(r, ProblemNotes.ReadNote, cancellation);
            photos = await ReadAllAsync(r, PhotoStorage.ReadView, cancellation);
            updates = await ReadAllAsync(r, PublicUpdateRows.ReadView, cancellation);
        }, cancellation,
            ProblemRows.Head(id, reader),
            TeamTasks.OfProblem(id),
            new($"select {Id}, {Phase}, {Text}, {Met}, {MetAt}, {Evidence}, {MetBy} from {Criteria} where {ProblemId} = ? order by {Version}", id),
            new($"select {MeetingOn}, {Rag}, {Decision}, {NextReviewOn}, {By} from {Reviews} where {ProblemId} = ? order by {Version}", id),
            new($"select {Phase}, {At}, {By}, {Reason}, {Override} from {Phases} where {ProblemId} = ? order by {Version}", id),
            new($"select {ObservedOn}, {Description}, {Source}, {By}, {At} from {Recurrences} where {ProblemId} = ? order by {Version}", id),
            ProblemNotes.Latest(id, int.MaxValue, notes),
            PhotoStorage.OfProblem(id),
            PublicUpdateRows.OfProblem(id));
        if (head is null) return null;

        var teams = await ReferenceDataLookups.TeamNamesAsync(session, actions.Select(a => a.TeamId), cancellation);
        latest.Reverse();
        var actionViews = actions.Select(a => new ActionView(a.Id, a.Phase, a.Description, a.TeamId, teams.GetValueOrDefault(a.TeamId, "Unknown team"),
            a.Assignee, a.DueOn, a.Status, a.Status == ActionStatus.Open && a.DueOn < today, a.CompletedAt, a.CompletedBy, a.Note, a.CancelledReason)
        {
            Photos = Links(photos.Where(p => p.ActionId == a.Id)),
        }).ToList();
        criteria = [.. criteria.Select(c => c with { Photos = Links(photos.Where(p => p.CriterionId == c.Id)) })];
        var h = head;
        return new ProblemDetailsView(h.Id, h.Reference, h.Title, h.Category, h.Area, h.Phase, h.Status, h.Rag, h.Risk, h.OpenActions,
            actionViews.Count(a => a.Overdue), h.UpdatedAt, h.Version, h.Statement, h.Location, h.Outcome, h.ClosingNote, h.DuplicateOf,
            h.ReportedAt, h.ReportedBy, h.HoldDecay, h.NextReviewOn, criteria, actionViews, latest, reviews, phases, recurrences,
            h.NotesTotal, latest.Count < h.NotesTotal && latest.Count > 0 ? ProblemNotes.EarlierUrl(id, latest[0].Version) : null)
        {
            Sensitive = h.Sensitive,
            SensitiveTeams = h.SensitiveTeams,
            PublicUpdates = updates,
        };
    }

    private static async Task<T?> ReadOneAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> row, CancellationToken cancellation) where T : class =>
        (await ReadAllAsync(reader, row, cancellation)).FirstOrDefault();

    /// <summary>The rows of the batch's next result; the first call reads the first result.</summary>
    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> row, CancellationToken cancellation)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellation)) rows.Add(row(reader));
        await reader.NextResultAsync(cancellation);
        return rows;
    }

    private static IReadOnlyList<PhotoLink> Links(IEnumerable<PhotoView> photos) =>
        [.. photos.Select(p => new PhotoLink(p.Id, p.When ?? BeforeOrAfter.After, p.AddedAt, $"/api/photos/{p.Id}"))];

    private static string? TextOrNull(NpgsqlDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);
}
