using Marten;
using Marten.Services;
using SessionOptions = Marten.Services.SessionOptions;
using Npgsql;

namespace Octans.Api.Setup.Idempotency;

/// <summary>
/// How a write opens its Marten session: Wolverine opens the one an endpoint takes as <see cref="IDocumentSession"/>
/// through <see cref="Factory"/>, and code that opens its own calls <see cref="OpenWriteSession"/>. During a request
/// with an Idempotency-Key both join the transaction that <see cref="IdempotentWrites"/> commits with the key and the
/// answer, so SaveChanges sends the write but does not commit it; otherwise each session commits its own.
/// </summary>
public static class WriteSessions
{
    // Set for the rest of the request by IdempotentWrites, and seen by everything the endpoint awaits.
    private static readonly AsyncLocal<NpgsqlTransaction?> Keyed = new();

    public static IDocumentSession OpenWriteSession(this IDocumentStore store) => store.OpenSession(Options());

    /// <summary>Makes the sessions opened from here on, in this request, write in <paramref name="transaction"/>.</summary>
    internal static void JoinFromHere(NpgsqlTransaction transaction) => Keyed.Value = transaction;

    private static SessionOptions Options()
    {
        var options = Keyed.Value is { } transaction ? SessionOptions.ForTransaction(transaction) : new SessionOptions();
        options.Tracking = DocumentTracking.None;
        return options;
    }

    /// <summary>Marten's session factory for the app, which Wolverine's transactional endpoints open their sessions with.</summary>
    public sealed class Factory(IDocumentStore store) : SessionFactoryBase(store)
    {
        public override SessionOptions BuildOptions() => Options();
    }
}
