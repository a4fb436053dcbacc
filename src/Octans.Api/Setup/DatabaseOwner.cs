using JasperFx;
using Marten;
using Octans.Api.Problems;

namespace Octans.Api.Setup;

/// <summary>
/// What <c>db-apply</c> does as the schema's owner: first PostGIS, which the schema needs (see <see cref="PostGis"/>);
/// then, once Marten, Wolverine and Hangfire have applied theirs, it makes the events an audit trail PostgreSQL keeps (a
/// trigger refuses any change or deletion of an event, whoever asks, but the retention policy's replacing of free text, and the same for the record of administration
/// changes), records the schema this build applied (<see cref="SchemaVersions"/>), gives the app's role its rights (rows in every
/// table, but events and administration changes only added), and rebuilds the read models when this version of Octans keeps them differently.
/// Each step can run again and change nothing.
/// </summary>
public static class DatabaseOwner
{
    private const string Events = $"{DatabaseSettings.MartenSchema}.mt_events";
    private const string Streams = $"{DatabaseSettings.MartenSchema}.mt_streams";
    private const string AdminChanges = $"{DatabaseSettings.MartenSchema}.{Admin.Changes.AdminChanges.Name}";

    /// <summary>The sentence PostgreSQL answers with when anyone tries to change or delete an event.</summary>
    public const string EventsAreKept =
        "Octans' events are its audit trail: they are added to, never changed or deleted, except that the retention policy replaces their free text with its marker.";

    /// <summary>The sentence PostgreSQL answers with when anyone tries to change or delete a recorded administration change.</summary>
    public const string AdminChangesAreKept = "Octans' record of who changed what in administration is added to, never changed or deleted.";

    private static readonly HashSet<string> HostFlags = new(StringComparer.OrdinalIgnoreCase)
    {
        "--urls", "--contentRoot", "--environment", "--applicationName", "--webroot",
    };

    public static async Task<int> RunOctansCommands(this WebApplication app, string[] args)
    {
        // The host's services are disposed once the host has run: what is needed afterwards is taken first.
        var startup = app.Services.GetRequiredService<DatabaseStartup>();
        // Given the host's own flags (--urls, --contentRoot), JasperFx serves as the host would, but first says so on the
        // console, a line outside the log that breaks Production's JSON lines.
        if (args is [var first, ..] && HostFlags.Contains(first.Split('=')[0]))
        {
            await app.RunAsync();
            return Refused(startup) ? 1 : 0;
        }
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (args is ["db-apply", ..])
        {
            // Before the schema: the problems' table has a geography column.
            try
            {
                await PostGis.EnsureAsync(settings.ConnectionString, CancellationToken.None);
            }
            catch (PostGisMissing missing)
            {
                Console.Error.WriteLine($"db-apply: {missing.Message}");
                return 1;
            }
        }
        var applied = args is ["db-apply", ..] ? SchemaVersions.Expected(app.Services) : [];
        var exitCode = await app.RunJasperFxCommands(args);
        if (Refused(startup)) return 1;
        if (exitCode != 0 || args is not ["db-apply", ..]) return exitCode;
        try
        {
            await FinishApplyAsync(settings, applied, CancellationToken.None);
            return 0;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"db-apply: the schema is applied, but what follows it (guarding the events, the app's role's rights, the read models) failed: {exception.Message}");
            return 1;
        }
    }

    /// <summary>Whether the node stopped because the schema is older than its own, saying so on the error stream.</summary>
    private static bool Refused(DatabaseStartup startup)
    {
        if (startup.Refusal is not { } refusal) return false;
        Console.Error.WriteLine($"Octans did not start: {refusal}");
        return true;
    }

    private static async Task FinishApplyAsync(DatabaseSettings settings, IReadOnlyList<SchemaVersions.Part> applied, CancellationToken cancellation)
    {
        using var store = DocumentStore.For(options => options.ConfigureOctans(settings.ConnectionString, createSchema: false));
        await using (var session = store.LightweightSession())
        {
            foreach (var statement in KeepEvents.Concat(SchemaVersions.Record(applied)).Concat(settings.AppRole is { } role ? Rights(Quoted(role)) : []))
                session.Queue(statement);
            await session.SaveChangesAsync(cancellation);
        }
        Console.WriteLine(settings.AppRole is { } app
            ? $"db-apply: events can only be added, and the role {app} may read and write Octans' rows but never change or delete an event."
            : "db-apply: events can only be added. OCTANS_DB names no role apart from the owner's, so no other role was given rights.");
        if (await ProblemReadModels.CatchUpAsync(store, cancellation) is { } played)
            Console.WriteLine($"db-apply: the read models were rebuilt from {played} events, as this version of Octans keeps them.");
        await Inbox.InboxReports.RecountAsync(store, cancellation);
    }

    // A trigger stops even a role with every right on the table; only the table's owner could drop it, and the app's
    // role owns nothing. TRUNCATE fires no row trigger, so a statement trigger refuses it too.
    private static readonly string[] KeepEvents =
    [
        $"""
        create or replace function {DatabaseSettings.MartenSchema}.octans_only_text_removed(before jsonb, after jsonb) returns boolean
          language plpgsql immutable as $$
        declare
          k text;
          i integer;
        begin
          if before is not distinct from after then return true; end if;
          if after = to_jsonb('{Domain.RetentionPolicy.Removed}'::text) then
            return jsonb_typeof(before) = 'string';
          end if;
          if jsonb_typeof(before) = 'object' and jsonb_typeof(after) = 'object' then
            for k in select jsonb_object_keys(before) union select jsonb_object_keys(after) loop
              if not {DatabaseSettings.MartenSchema}.octans_only_text_removed(coalesce(before -> k, 'null'), coalesce(after -> k, 'null')) then
                return false;
              end if;
            end loop;
            return true;
          end if;
          if jsonb_typeof(before) = 'array' and jsonb_typeof(after) = 'array' and jsonb_array_length(before) = jsonb_array_length(after) then
            for i in 0 .. jsonb_array_length(before) - 1 loop
              if not {DatabaseSettings.MartenSchema}.octans_only_text_removed(before -> i, after -> i) then return false; end if;
            end loop;
            return true;
          end if;
          return false;
        end $$
        """,
        // The one change an event may take: its data with free text replaced by the retention policy's marker, every
        // other column and every other value as it was (a key absent before may come back as null).
        $"""
        create or replace function {DatabaseSettings.MartenSchema}.octans_events_are_kept() returns trigger language plpgsql as $$
        begin
          if tg_op = 'UPDATE' and to_jsonb(new) - 'data' = to_jsonb(old) - 'data'
             and {DatabaseSettings.MartenSchema}.octans_only_text_removed(old.data, new.data) then
            return new;
          end if;
          raise exception '{EventsAreKept.Replace("'", "''")}' using errcode = 'restrict_violation';
        end $$
        """,
        $"""
        create or replace trigger octans_events_are_kept before update or delete on {Events}
          for each row execute function {DatabaseSettings.MartenSchema}.octans_events_are_kept()
        """,
        $"""
        create or replace trigger octans_events_are_kept_whole before truncate on {Events}
          for each statement execute function {DatabaseSettings.MartenSchema}.octans_events_are_kept()
        """,
        $"""
        create or replace function {DatabaseSettings.MartenSchema}.octans_admin_changes_are_kept() returns trigger language plpgsql as $$
        begin
          raise exception '{AdminChangesAreKept.Replace("'", "''")}' using errcode = 'restrict_violation';
        end $$
        """,
        $"""
        create or replace trigger octans_admin_changes_are_kept before update or delete on {AdminChanges}
          for each row execute function {DatabaseSettings.MartenSchema}.octans_admin_changes_are_kept()
        """,
        $"""
        create or replace trigger octans_admin_changes_are_kept_whole before truncate on {AdminChanges}
          for each statement execute function {DatabaseSettings.MartenSchema}.octans_admin_changes_are_kept()
        """,
    ];

    // Every table and sequence of the three schemas, and those the owner makes there later, so a table added by a later
    // version is covered without naming it; then what the app must never do to the events and their streams. Marten
    // only inserts events, and inserts a stream and moves its version on.
    private static string[] Rights(string role)
    {
        var schemas = string.Join(", ", DatabaseSettings.Schemas);
        return
        [
            $"grant usage on schema {schemas} to {role}",
            $"grant select, insert, update, delete on all tables in schema {schemas} to {role}",
            $"grant usage, select on all sequences in schema {schemas} to {role}",
            $"alter default privileges in schema {schemas} grant select, insert, update, delete on tables to {role}",
            $"alter default privileges in schema {schemas} grant usage, select on sequences to {role}",
            $"revoke update, delete, truncate, references, trigger on {Events} from {role}",
            // For the retention policy's masking alone; the trigger refuses any other change.
            $"grant update (data) on {Events} to {role}",
            $"revoke delete, truncate, references, trigger on {Streams} from {role}",
            $"revoke update, delete, truncate, references, trigger on {AdminChanges} from {role}",
        ];
    }

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}
