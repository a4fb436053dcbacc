using System.Collections.Concurrent;
using Marten;
using Npgsql;
using Octans.Api.Setup;

namespace Octans.Api.SigningIn;

/// <summary>
/// Whether a signed-in user may still act: not disabled, their token or cookie issued since their last security change,
/// and not signed out. Each node keeps what it read in memory and listens on PostgreSQL for changes (LISTEN/NOTIFY), which
/// every write to a user and every sign-out announces in its own transaction, so a change reaches every node as it commits
/// without a query per request. While the node cannot listen it asks the database on every request instead.
/// </summary>
public sealed class UserAccess(IDocumentStore store, DatabaseSettings settings, DatabaseStartup startup, TimeProvider clock,
    ILogger<UserAccess> logger) : BackgroundService
{
    private const string Channel = "octans_user_access";
    private const string EndedPrefix = "ended:";
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LetGoEvery = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<Guid, string?> _stamps = new();
    // Ended sessions by id, with when they would have expired anyway, after which they are let go.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _changes;
    private volatile bool _heard;

    /// <summary>Completes once this node hears changes from the database.</summary>
    public Task Listening => _listening.Task;

    /// <summary>Tells every node, when the session commits, that the user changed.</summary>
    public static void AnnounceChanged(IDocumentOperations session, Guid userId) =>
        session.Queue("select pg_notify(?, ?)", Channel, userId.ToString());

    /// <summary>Tells every node, when the session commits, that the sign-in with this id ended.</summary>
    public static void AnnounceEnded(IDocumentOperations session, string sessionId, DateTimeOffset until) =>
        session.Queue("select pg_notify(?, ?)", Channel, Ending(sessionId, until));

    /// <summary>This node takes in its own change at once, without waiting to hear it back from the database.</summary>
    public void Changed(Guid userId) => Heard(userId.ToString());

    public void Ended(string sessionId, DateTimeOffset until) => Heard(Ending(sessionId, until));

    private static string Ending(string sessionId, DateTimeOffset until) => $"{EndedPrefix}{until.ToUnixTimeSeconds()}:{sessionId}";

    public async Task<bool> StillAllowedAsync(Guid userId, string? stamp, string? sessionId, CancellationToken cancellation)
    {
        if (userId == Guid.Empty || stamp is null || sessionId is null) return false;
        if (!_heard)
        {
            await using var query = store.QuerySession();
            return !await EndedSessions.IsEndedAsync(query, sessionId, cancellation) && await StampAsync(query, userId, cancellation) == stamp;
        }
        if (_ended.ContainsKey(sessionId)) return false;
        if (_stamps.TryGetValue(userId, out var known)) return known == stamp;

        var before = Interlocked.Read(ref _changes);
        await using var session = store.QuerySession();
        var current = await StampAsync(session, userId, cancellation);
        // A change heard while reading may have come after the read, so what was read is not kept.
        if (Interlocked.Read(ref _changes) == before) _stamps[userId] = current;
        return current == stamp;
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!await startup.PreparedAsync(stopping)) return;

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stopping);
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning("Stopped hearing user changes ({Reason}); asking the database on every request until heard again", exception.Message);
            }
            finally
            {
                _heard = false;
            }
            try
            {
                await Task.Delay(Reconnect, stopping);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { KeepAlive = 10, Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stopping);
        connection.Notification += (_, notification) => Heard(notification.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stopping);

        // Anything missed while not listening is forgotten or read afresh, now that nothing more can be missed.
        Interlocked.Increment(ref _changes);
        _stamps.Clear();
        _ended.Clear();
        await using (var session = store.QuerySession())
            foreach (var (ended, until) in await EndedSessions.StillRunningAsync(session, clock.GetUtcNow(), stopping)) _ended[ended] = until;
        _heard = true;
        _listening.TrySetResult();
        while (!stopping.IsCancellationRequested)
        {
            if (await connection.WaitAsync(LetGoEvery, stopping)) continue;
            var now = clock.GetUtcNow();
            foreach (var (ended, until) in _ended)
                if (until < now) _ended.TryRemove(ended, out _);
        }
    }

    private void Heard(string payload)
    {
        Interlocked.Increment(ref _changes);
        if (payload.StartsWith(EndedPrefix, StringComparison.Ordinal) && payload[EndedPrefix.Length..].Split(':', 2) is [var seconds, var ended])
            _ended[ended] = long.TryParse(seconds, out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.MaxValue;
        else if (Guid.TryParse(payload, out var userId)) _stamps.TryRemove(userId, out _);
    }

    private static async Task<string?> StampAsync(IQuerySession session, Guid userId, CancellationToken cancellation)
    {
        var user = await session.LoadAsync<User>(userId, cancellation);
        return user is null || user.Disabled ? null : user.SecurityStamp;
    }
}
