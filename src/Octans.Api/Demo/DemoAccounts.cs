using Marten;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;

namespace Octans.Api.Demo;

/// <summary>The demo sign-ins, seeded in Development only, all with the password in OCTANS_DEMO_PASSWORD.</summary>
public static class DemoAccounts
{
    public const string DefaultPassword = "octans-demo";

    public static IReadOnlyList<User> All { get; } =
    [
        Account("coordinator@octans.test", "Sam Coordinator", Role.Coordinator),
        Account("lighting@octans.test", "Lee Lighting", Role.TeamMember, Team.StreetLighting.Id),
        Account("streets@octans.test", "Sasha Streets", Role.TeamMember, Team.CleanStreets.Id),
        Account("councillor@octans.test", "Cllr Chris Council", Role.Councillor),
        Account("admin@octans.test", "Alex Admin", Role.Admin),
    ];

    public static string Password(IConfiguration configuration) =>
        configuration["OCTANS_DEMO_PASSWORD"] is { Length: > 0 } password ? password : DefaultPassword;

    public static async Task SeedAsync(IDocumentStore store, string password, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var emails = All.Select(a => a.Email).ToList();
        var existing = (await session.Query<User>().Where(u => u.Email.IsOneOf(emails)).Select(u => u.Email).ToListAsync(cancellation)).ToHashSet();
        foreach (var template in All.Where(a => !existing.Contains(a.Email)))
        {
            var user = new User
            {
                Id = template.Id, Email = template.Email, Name = template.Name, Role = template.Role, TeamId = template.TeamId,
            };
            user.PasswordHash = Passwords.Hash(user, password);
            session.Insert(user);
        }
        await session.SaveChangesAsync(cancellation);
    }

    private static User Account(string email, string name, Role role, Guid? team = null) => new()
    {
        Id = DeterministicId(email), Email = email, Name = name, Role = role, TeamId = team,
    };

    private static Guid DeterministicId(string email)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("octans-demo:" + email));
        return new Guid(hash.AsSpan(0, 16));
    }
}
