using Marten;
using Octans.Api.ReferenceData;
using Octans.Api.Problems.Reporting;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Demo;

public sealed record DemoLoaded(int Problems, int Events);

/// <summary>
/// Loads <see cref="HighTownDemo"/> into an event store that has no problems yet, when <c>Octans:LoadDemo</c> is
/// true (ops/run sets it). A store with any problem in it is left alone, so loading twice does nothing.
/// </summary>
public static class DemoLoader
{
    // Any fixed number: it only has to keep two Octans processes starting on one empty database from both loading.
    private const long LoadingLock = 0x4f6374616e7344;

    public static async Task LoadIfAskedAsync(IServiceProvider services, CancellationToken cancellation)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue("Octans:LoadDemo", false))
            return;

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var loaded = await LoadAsync(services.GetRequiredService<IDocumentStore>(), now, cancellation);
        if (loaded is not null)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoLoader)).LogInformation(
                "Loaded the High Town demo: {Problems} problems, {Events} events", loaded.Problems, loaded.Events);
    }

    /// <summary>Appends the demo in one transaction, or returns null when the store already has problems.</summary>
    public static async Task<DemoLoaded?> LoadAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(cancellation);
        await session.ExecuteAsync("select pg_advisory_xact_lock(?)", cancellation, LoadingLock);
        if (await session.Events.QueryAllRawEvents().AnyAsync(cancellation))
            return null;

        var histories = HighTownDemo.Build(now);
        foreach (var history in histories)
        {
            var stream = session.Events.StartStream<Problem>(history.ProblemId, [.. history.Events]);
            // The store's own timestamps then agree with the back-dated times the events carry.
            for (var i = 0; i < history.Events.Count; i++)
                stream.Events[i].Timestamp = history.Events[i].At;
            DemoPhotos.Keep(session, history);
        }

        foreach (var (id, events) in DemoInbox.Build(histories, now))
            session.Events.StartStream<InboxReport>(id, [.. events]);
        if (DemoMeeting.Build(histories) is var (meetingId, meeting))
            session.Events.StartStream<Meeting>(meetingId, [.. meeting]);

        // The demo numbers its problems HT-0001 to HT-n, so the next one reported in High Town continues from n.
        ProblemReferences.ContinueAfter(session, Area.HighTown.Id, histories.Count);

        await session.SaveChangesAsync(cancellation);
        return new DemoLoaded(histories.Count, histories.Sum(h => h.Events.Count));
    }
}
