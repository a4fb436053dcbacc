using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Octans.Api.Photos;
using Octans.Api.ReferenceData;
using Octans.Api.Retention;
using Octans.Api.Tests.Problems;
using Octans.Domain;

namespace Octans.Api.Tests.Retention;

/// <summary>
/// Histories from long before anything other tests write, and the retention job run on a clock of its own at
/// <see cref="RunAt"/>, so a run touches only what these tests made: with the default policy it anonymises problems
/// closed before 2006, deletes reports dismissed before 2011 and photos of problems closed before 2010.
/// </summary>
public static class RetentionHistories
{
    public static readonly DateTimeOffset LongAgo = new(2003, 6, 4, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset RunAt = new(2012, 1, 1, 2, 0, 0, TimeSpan.Zero);

    public static RetentionJob RetentionJob(this AppFixture app) =>
        new(app.Store, RetentionPolicy.Default, new FakeTimeProvider(RunAt), NullLogger<RetentionJob>.Instance);

    /// <summary>A problem reported at <paramref name="at"/> with free text in every place it can have some, each naming <paramref name="secret"/>.</summary>
    public static async Task<GivenProblem> GivenWordyProblem(this AppFixture app, Area area, string secret, DateTimeOffset at, Guid teamId)
    {
        var problem = await app.GivenProblem($"Title {secret}", area, statement: $"Statement {secret}", location: $"Place {secret}", at: at,
            pin: (51.8862, -0.4172));
        var action = Guid.CreateVersion7();
        await problem.Then(new PlanAction(action, $"Action {secret}", teamId, London.Today(at).AddDays(7), null, $"Assignee {secret}"), at);
        await problem.Then(new CompleteAction(action, $"Done {secret}"), at.AddDays(1));
        await problem.Then(new AddNote($"Note {secret}"), at.AddDays(1));
        await problem.Then(new RecordReview(London.Today(at.AddDays(2)), Rag.Green, $"Decision {secret}"), at.AddDays(2));
        await problem.Then(new WritePublicUpdate($"Update {secret}"), at.AddDays(2));
        return problem;
    }

    /// <summary>
    /// A report taken at <paramref name="at"/>, and the next day dismissed when <paramref name="dismissed"/>, or attached to
    /// <paramref name="attachedTo"/>.
    /// </summary>
    public static async Task<Guid> GivenReport(this AppFixture app, Area area, string secret, DateTimeOffset at, bool dismissed, Guid? attachedTo = null)
    {
        var id = Guid.CreateVersion7();
        List<object> events = [new ReportReceived(id, area.Name, "Phone", null, "Street lighting", $"Report {secret}",
            new Location($"Report place {secret}", 51.8862, -0.4172, null, null, null), at, null, GivenProblems.Coordinator, at)];
        if (dismissed) events.Add(new ReportDismissed(id, $"Reason {secret}", GivenProblems.Coordinator, at.AddDays(1)));
        if (attachedTo is { } problem) events.Add(new ReportAttached(id, problem, GivenProblems.Coordinator, at.AddDays(1)));
        await using var session = app.Store.LightweightSession();
        session.Events.StartStream<InboxReport>(id, events);
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>A photo kept for the problem, or for the report.</summary>
    public static async Task<Guid> GivenPhoto(this AppFixture app, Guid? problemId, Guid? reportId = null)
    {
        var id = Guid.CreateVersion7();
        await using var session = app.Store.LightweightSession();
        PhotoStorage.Keep(session, id, new PreparedPhoto(2, 2, [1, 2, 3], [4, 5], [6]), new PhotoOf(problemId, InboxReportId: reportId), LongAgo);
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>The events of a stream as PostgreSQL holds them, in order.</summary>
    public static async Task<List<string>> RawEvents(this AppFixture app, Guid streamId)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data::text from octans.mt_events where stream_id = @id order by version", connection);
        command.Parameters.AddWithValue("id", streamId);
        List<string> events = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) events.Add(reader.GetString(0));
        return events;
    }

    public static async Task<long> Count(this AppFixture app, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<Guid> AnyTeam(this AppFixture app)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Query<Team>().FirstAsync()).Id;
    }

    public static T Service<T>(this AppFixture app) where T : notnull => app.Host.Services.GetRequiredService<T>();
}
