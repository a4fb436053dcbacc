using Alba;
using Marten;
using Npgsql;
using Octans.Api.SigningIn;
using Octans.Testing;

namespace Octans.Api.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class TestDatabaseTests(AppFixture app)
{
    [Fact]
    public async Task A_test_run_has_a_database_of_its_own_that_another_run_cannot_see_and_that_is_dropped_afterwards()
    {
        app.Database.Name.ShouldStartWith(TestDatabase.RunPrefix);
        await using (var session = app.Store.QuerySession())
            (await session.Query<User>().CountAsync()).ShouldBeGreaterThan(0);

        var other = await TestDatabase.CreateAsync();
        other.Name.ShouldNotBe(app.Database.Name);
        await using (var connection = new NpgsqlConnection(other.ConnectionString))
        {
            await connection.OpenAsync();
            await using var users = new NpgsqlCommand("select to_regclass('octans.mt_doc_user') is not null", connection);
            (await users.ExecuteScalarAsync()).ShouldBe(false);
        }

        await other.DisposeAsync();
        await using var server = new NpgsqlConnection(app.Database.ConnectionString);
        await server.OpenAsync();
        await using var exists = new NpgsqlCommand("select count(*) from pg_database where datname = @name", server);
        exists.Parameters.AddWithValue("name", other.Name);
        (await exists.ExecuteScalarAsync()).ShouldBe(0L);
    }

    [Fact]
    public async Task Ready_says_200_when_the_database_answers() =>
        await app.Host.Scenario(s => { s.Get.Url("/health/ready"); s.StatusCodeShouldBeOk(); });
}
