using Npgsql;
using Octans.Api.Setup;
using Octans.Api.Tests.Problems;
using Octans.Domain;

namespace Octans.Api.Tests.Operations;

/// <summary>The events are an audit trail PostgreSQL keeps: the app's role may add them and nothing else.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditTrailTests(AppFixture app)
{
    [Theory]
    [InlineData("update octans.mt_events set type = 'note_added' where stream_id = @problem")]
    [InlineData("delete from octans.mt_events where stream_id = @problem")]
    [InlineData("truncate octans.mt_events cascade")]
    [InlineData("delete from octans.mt_streams where id = @problem")]
    [InlineData("alter table octans.mt_events disable trigger octans_events_are_kept")]
    [InlineData("drop trigger octans_events_are_kept on octans.mt_events")]
    public async Task The_apps_role_adds_events_but_is_refused_when_it_changes_deletes_or_unguards_them(string sql)
    {
        var problem = await app.GivenProblem("Written as the app's role");
        await problem.Then(new AddNote("A note the app's role appended"));
        var before = await EventsOf(problem.Id);

        var refusal = await Should.ThrowAsync<PostgresException>(() => Run(app.Database.AppConnectionString, sql, problem.Id));

        refusal.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await EventsOf(problem.Id)).ShouldBe(before);
        before.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("update octans.mt_events set data = '{}' where stream_id = @problem")]
    [InlineData("update octans.mt_events set data = jsonb_set(data, '{text}', '\"Another note\"') where stream_id = @problem and type = 'note_added'")]
    [InlineData("update octans.mt_events set data = data - 'text' where stream_id = @problem and type = 'note_added'")]
    public async Task The_apps_role_may_change_an_events_data_only_to_replace_its_text_with_the_retention_marker(string sql)
    {
        var problem = await app.GivenProblem("Guarded text");
        await problem.Then(new AddNote("A note that stays as written"));
        var before = await EventsOf(problem.Id);

        var refusal = await Should.ThrowAsync<PostgresException>(() => Run(app.Database.AppConnectionString, sql, problem.Id));

        (refusal.SqlState, refusal.MessageText).ShouldBe((PostgresErrorCodes.RestrictViolation, DatabaseOwner.EventsAreKept));
        (await EventsOf(problem.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task Replacing_an_events_text_with_the_retention_marker_is_the_one_change_PostgreSQL_lets_through()
    {
        var problem = await app.GivenProblem("Text the policy removes");
        await problem.Then(new AddNote("A note the policy removes"));

        await Run(app.Database.AppConnectionString,
            $"update octans.mt_events set data = jsonb_set(data, '{{text}}', to_jsonb('{RetentionPolicy.Removed}'::text)) where stream_id = @problem and type = 'note_added'",
            problem.Id);

        (await EventsOf(problem.Id)).ShouldContain(e => e.Contains(RetentionPolicy.Removed) && !e.Contains("A note the policy removes"));
    }

    [Theory]
    [InlineData("update octans.mt_events set data = '{}' where stream_id = @problem")]
    [InlineData("delete from octans.mt_events where stream_id = @problem")]
    [InlineData("truncate octans.mt_events cascade")]
    [InlineData("delete from octans.mt_streams where id = @problem")]
    public async Task Even_the_schemas_owner_is_refused_by_PostgreSQL_when_it_changes_or_deletes_an_event(string sql)
    {
        var problem = await app.GivenProblem("Guarded from the owner too");
        var before = await EventsOf(problem.Id);

        var refusal = await Should.ThrowAsync<PostgresException>(() => Run(app.Database.ConnectionString, sql, problem.Id));

        (refusal.SqlState, refusal.MessageText).ShouldBe((PostgresErrorCodes.RestrictViolation, DatabaseOwner.EventsAreKept));
        (await EventsOf(problem.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task The_apps_role_owns_nothing_and_may_create_nothing()
    {
        await using var connection = new NpgsqlConnection(app.Database.AppConnectionString);
        await connection.OpenAsync();
        await using var owned = new NpgsqlCommand(
            "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = any(@schemas) and pg_get_userbyid(c.relowner) = current_user",
            connection);
        owned.Parameters.AddWithValue("schemas", DatabaseSettings.Schemas);
        (await owned.ExecuteScalarAsync()).ShouldBe(0L);
        await using var create = new NpgsqlCommand(
            "select has_database_privilege(current_database(), 'CREATE') or bool_or(has_schema_privilege(s, 'CREATE')) from unnest(@schemas) s", connection);
        create.Parameters.AddWithValue("schemas", DatabaseSettings.Schemas);
        (await create.ExecuteScalarAsync()).ShouldBe(false);
    }

    private static async Task Run(string connectionString, string sql, Guid problem)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("problem", problem);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> EventsOf(Guid problem)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select seq_id || ' ' || type || ' ' || data::text from octans.mt_events where stream_id = @problem order by seq_id", connection);
        command.Parameters.AddWithValue("problem", problem);
        var events = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) events.Add(reader.GetString(0));
        return events;
    }
}
