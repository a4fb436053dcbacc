using Marten;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Admin.Changes;

/// <summary>What an administration change was made to.</summary>
public enum ChangedThing { User, Team, Category, IntakeKey, ProblemSensitivity }

/// <summary>
/// Who changed what in administration, and when: users, teams, categories, intake keys and the sensitivity of problems.
/// A row is queued in the session of the change it records, so both commit or neither; rows are only ever added
/// (<c>db-apply</c> refuses the app's role anything else, as for the events). The one person named is the member of
/// staff who made the change, and the user it was made to; never an email address.
/// </summary>
public static partial class AdminChanges
{
    public const string Name = "admin_changes";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string Id = "id", At = "at", ById = "by_id", ByName = "by_name", Thing = "thing", Subject = "subject", Change = "change";

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(Id, "uuid").AsPrimaryKey();
        table.AddColumn(At, "timestamp with time zone").NotNull();
        table.AddColumn(ById, "uuid").NotNull();
        foreach (var text in new[] { ByName, Thing, Subject, Change }) table.AddColumn(text, "text").NotNull();
        // Newest first, a page at a time, in index order.
        table.Index([At, Id]);
    });

    /// <summary>Records the change with the session's next SaveChanges.</summary>
    public static void Record(IDocumentOperations session, Actor by, DateTimeOffset at, ChangedThing thing, string subject, string change) =>
        session.Queue($"insert into {Table} ({Id}, {At}, {ById}, {ByName}, {Thing}, {Subject}, {Change}) values (?, ?, ?, ?, ?, ?, ?)",
            Guid.CreateVersion7(), at, by.UserId, by.Name, thing, subject, change);

    /// <summary>A role as the admin pages name it.</summary>
    public static string RoleName(Role role) => role switch
    {
        Role.TeamMember => "Team member",
        Role.Admin => "Administrator",
        _ => role.ToString(),
    };

    /// <summary>The role inside a sentence: "a team member", "an administrator".</summary>
    public static string RoleInSentence(Role role) => role == Role.Admin ? "an administrator" : $"a {RoleName(role).ToLowerInvariant()}";
}
