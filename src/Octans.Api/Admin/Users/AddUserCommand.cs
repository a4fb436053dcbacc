using JasperFx.CommandLine;
using Marten;
using Npgsql;
using Octans.Api.Admin.Changes;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Admin.Users;

public sealed class AddUserInput : NetCoreInput
{
    [Description("The user's work email address, e.g. name@luton.gov.uk")]
    public string EmailFlag { get; set; } = "";

    [Description("The user's name, e.g. \"Sam Patel\"")]
    public string NameFlag { get; set; } = "";

    [Description("Admin (the default), Coordinator or Councillor; team members are added from the Users page")]
    public string RoleFlag { get; set; } = "Admin";

    [Description("The address people open Octans at, for the link, e.g. https://octans.luton.gov.uk (default: Octans:Reminders:SiteAddress)")]
    public string SiteFlag { get; set; } = "";
}

/// <summary>
/// Adds a user from the server, for the first administrator of a new installation, who has nobody to add them. The user
/// gets no password: the command prints a one-time link, valid 24 hours, where they choose one, as an administrator's
/// reset link does. The addition is recorded among the administration changes, made by the server's operator.
/// </summary>
[Description("Adds a user (the first administrator, usually) and prints a one-time link where they choose their password", Name = "add-user")]
public sealed class AddUserCommand : JasperFxAsyncCommand<AddUserInput>
{
    /// <summary>Who the record of administration changes names for what this command does.</summary>
    public static readonly Actor Operator = new(Guid.Empty, "The server's operator (add-user)");

    public override async Task<bool> Execute(AddUserInput input)
    {
        var role = Problems.Choice.Of<Role>(input.RoleFlag);
        if (role == Role.TeamMember)
            return Refuse("Team members belong to a team: add them from the Users page once an administrator can sign in.");
        if (role is null) return Refuse($"'{input.RoleFlag}' is not a role: give --role Admin, Coordinator or Councillor.");
        using var host = input.BuildHost();
        var services = host.Services;
        var site = input.SiteFlag is { Length: > 0 } given ? given
            : services.GetRequiredService<IConfiguration>()["Octans:Reminders:SiteAddress"] ?? "";
        if (!Uri.TryCreate(site, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
            return Refuse("Give the address people open Octans at with --site, e.g. --site https://octans.luton.gov.uk.");

        // A password nobody knows, so the account opens only through the link.
        var request = new CreateUser(input.EmailFlag, input.NameFlag, input.RoleFlag, null, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        try
        {
            var store = services.GetRequiredService<IDocumentStore>();
            await using (var session = store.QuerySession())
            {
                var errors = await UserRules.CheckNewAsync(request, session, CancellationToken.None);
                if (errors.Count > 0) return Refuse(string.Join(" ", errors.Values.SelectMany(e => e)));
            }
            var clock = services.GetRequiredService<TimeProvider>();
            var user = UserRules.New(request);
            if (await UserRules.AddAsync(store, user, Operator, clock.GetUtcNow(), CancellationToken.None) is { } taken)
                return Refuse(string.Join(" ", taken.Values.SelectMany(e => e)));
            var link = await services.GetRequiredService<PasswordChanges>().IssueAsync(user.Id, Operator, address.ToString(), CancellationToken.None);
            Console.WriteLine($"Added {user.Name} ({user.Email}) as {AdminChanges.RoleName(user.Role)}. Send them this link, where they choose their password; it works once, until {link!.ExpiresAt:d MMMM yyyy HH:mm} UTC:");
            Console.WriteLine(link.Link);
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return Refuse("The database has no Octans tables yet. Run db-apply as the database's owner first.");
        }
        catch (Exception exception) when (Setup.DatabaseStartup.IsDatabaseUnavailable(exception))
        {
            return Refuse($"Octans cannot reach its database ({exception.Message}). Check OCTANS_DB.");
        }
    }

    private static bool Refuse(string message)
    {
        Console.Error.WriteLine($"add-user: {message}");
        return false;
    }
}
