using JasperFx;
using Marten;
using Octans.Api.Setup.Idempotency;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn;

/// <summary>A change to a user, given the user as it stands and the session it will be saved in; a refusal saves nothing.</summary>
public delegate Task<ProblemDetails?> UserChange(User user, IDocumentSession session);

/// <summary>
/// The one way to change a user. The user is saved with the version it was read at; when another write got there first
/// the user is read again and the change applied afresh, so racing writes never undo each other. Every node hears of the
/// change when it commits (UserAccess).
/// </summary>
public sealed class UserWrites(IDocumentStore store, UserAccess access)
{
    private const int Attempts = 20;

    // One lock for every change an administrator makes, held until the change commits, so two administrators who
    // demote each other at once are taken one after the other and the second sees the first's change.
    private const long AdministratorsLock = 0x0c7a_0001;

    public async Task<(User? User, ProblemDetails? Refusal)> ChangeAsync(Guid id, UserChange change, bool renewStamp,
        CancellationToken cancellation, bool byAdministrator = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.OpenWriteSession();
            if (byAdministrator) await session.ExecuteAsync("select pg_advisory_xact_lock(?)", cancellation, AdministratorsLock);
            var user = await session.LoadAsync<User>(id, cancellation);
            if (user is null) return (null, Answers.NotFound("There is no user with that id."));
            if (await change(user, session) is { } refusal) return (user, refusal);
            if (renewStamp) user.SecurityStamp = User.NewStamp();
            session.Update(user);
            UserAccess.AnnounceChanged(session, id);
            try
            {
                await session.SaveChangesAsync(cancellation);
                access.Changed(id);
                return (user, null);
            }
            catch (Exception exception) when (attempt < Attempts && IsConflict(exception))
            {
            }
        }
    }

    private static bool IsConflict(Exception exception) => exception switch
    {
        ConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConflict),
        _ => false,
    };
}
