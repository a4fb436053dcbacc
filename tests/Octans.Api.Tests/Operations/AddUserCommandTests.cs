using System.Security.Cryptography;
using Npgsql;
using Octans.Testing;

namespace Octans.Api.Tests.Operations;

/// <summary>The first administrator of a new installation is added from the server, with a one-time link for their password.</summary>
public sealed class AddUserCommandTests(AddUserCommandTests.Installation installation) : IClassFixture<AddUserCommandTests.Installation>
{
    /// <summary>One new installation's database, its schema applied as the runbook does, for every test here, each with an email of its own.</summary>
    public sealed class Installation : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync();
            await OctansProcess.ApplySchemaAsync(Database);
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }

    private static readonly Dictionary<string, string> Production = new()
    {
        ["Octans__Keys__Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    [Fact]
    public async Task Add_user_adds_an_administrator_with_a_link_for_their_password_and_refuses_the_same_email_again()
    {
        var database = installation.Database;
        const string command = "add-user --email first.admin@council.example --name \"Sam Patel\" --site https://octans.example.org";

        var (exitCode, output) = await OctansProcess.RunAsync(command, database.AppConnectionString, "Production", settings: Production);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("Added Sam Patel (first.admin@council.example) as Administrator.");
        output.ShouldMatch(@"https://octans\.example\.org/reset-password/[A-Za-z0-9_-]{20,}");
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var recorded = new NpgsqlCommand(
                "select count(*) from octans.admin_changes where by_name = 'The server''s operator (add-user)' and subject = 'Sam Patel'", connection);
            ((long)(await recorded.ExecuteScalarAsync())!).ShouldBe(2, "the addition and the link are both recorded");
        }

        var (again, refusal) = await OctansProcess.RunAsync(command, database.AppConnectionString, "Production", settings: Production);
        again.ShouldBe(1, refusal);
        refusal.ShouldContain("add-user: There is already a user with this email address.");
    }

    [Theory]
    [InlineData("--role TeamMember", "add-user: Team members belong to a team: add them from the Users page once an administrator can sign in.")]
    [InlineData("--role Mayor", "add-user: 'Mayor' is not a role: give --role Admin, Coordinator or Councillor.")]
    [InlineData("--site octans.example.org", "add-user: Give the address people open Octans at with --site, e.g. --site https://octans.luton.gov.uk.")]
    public async Task Add_user_refuses_what_it_cannot_do_and_says_why(string arguments, string refusal)
    {
        var database = installation.Database;

        var (exitCode, output) = await OctansProcess.RunAsync($"add-user --email someone@council.example --name Someone {arguments}",
            database.AppConnectionString, "Production", settings: Production);

        exitCode.ShouldBe(1, output);
        output.ShouldContain(refusal);
    }
}
