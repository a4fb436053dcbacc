using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Octans.Api.Demo;
using Octans.Api.Inbox;
using Octans.Api.Meetings;
using Octans.Api.Photos;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Listing;
using Octans.Api.Problems;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Domain;
using Octans.Testing;
using Weasel.Core;

namespace Octans.Api.Tests.Demo;

/// <summary>On a database of its own, because the demo is only ever loaded into an empty event store.</summary>
[Collection(ApiCollection.Name)]
public sealed class DemoLoaderTests
{
    private static readonly DateTimeOffset Now = AppFixture.Start;

    [Fact]
    public async Task The_demo_loads_into_an_empty_store_once_and_the_next_reference_follows_it()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = StoreLikeTheApp(database.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var demo = HighTownDemo.Build(Now);

        var loaded = await DemoLoader.LoadAsync(store, Now, CancellationToken.None);

        loaded.ShouldBe(new DemoLoaded(demo.Count, demo.Sum(h => h.Events.Count)));
        await using (var session = store.QuerySession())
        {
            var problems = (await session.Query<Problem>().ToListAsync()).ToDictionary(p => p.Id);
            problems.Count.ShouldBe(demo.Count);
            foreach (var history in demo)
            {
                var expected = Problem.Replay(history.Events);
                var stored = problems[history.ProblemId];
                (stored.Reference, stored.Phase, stored.Status, stored.Version)
                    .ShouldBe((expected.Reference, expected.Phase, expected.Status, expected.Version));
                var shown = (await ProblemRecord.ReadAsync(session, history.ProblemId, Reader.Everything, London.Today(Now), CancellationToken.None))!;
                var closing = expected.Status == ProblemStatus.Closed ? history.Events.OfType<ProblemClosed>().Last() : null;
                (shown.Outcome, shown.UpdatedAt, shown.Version).ShouldBe((closing?.Outcome, history.Events[^1].At, expected.Version));

                var events = await session.Events.FetchStreamAsync(history.ProblemId);
                events.Select(e => e.Data).ShouldBe(history.Events);
                events.Select(e => e.Timestamp).ShouldBe(history.Events.Select(e => e.At));
                foreach (var photo in history.Events.OfType<PhotoAdded>())
                    (await PhotoStorage.CopyAsync(session, photo.PhotoId, PhotoSize.Thumb, CancellationToken.None)).ShouldNotBeNull();
            }
            demo.SelectMany(h => h.Events).OfType<PhotoAdded>().Select(p => p.When).Distinct().Count().ShouldBe(2, "before and after photos");

            // Reports wait in the inbox, some of them by problems in Hold or Build, with the personal data they came with taken out.
            var inbox = await InboxReports.PageAsync(session, Area.HighTown.Name, InboxState.New, 1, 50, CancellationToken.None);
            inbox.Total.ShouldBeGreaterThanOrEqualTo(4);
            inbox.Items.Count(i => i.Nearby.Any(n => n.Phase is Phase.Hold or Phase.Build)).ShouldBeGreaterThanOrEqualTo(2);
            inbox.Items.ShouldAllBe(i => PersonalData.Find(i.Description) == null);
            inbox.Items.ShouldContain(i => i.Description.Contains("[phone number removed]"));

            // A Pathways meeting was held on the latest meeting day, its decisions the reviews recorded there, in agenda order.
            var meeting = (await MeetingRows.ListAsync(session, Area.HighTown.Name, CancellationToken.None)).ShouldHaveSingleItem();
            meeting.Kind.ShouldBe(MeetingKind.Pathways);
            var reviewedThen = demo.SelectMany(h => h.Events).OfType<ReviewRecorded>().Where(r => r.MeetingOn == meeting.HeldOn).ToList();
            meeting.Decisions.ShouldBe(reviewedThen.Count);
            meeting.Decisions.ShouldBeGreaterThanOrEqualTo(2);
            var (held, agenda) = (await MeetingChanges.ReadAsync(session, meeting.Id, CancellationToken.None))!.Value;
            held.Minutes().Select(d => (d.ProblemId, d.Rag, d.Decision)).ShouldBe(
                reviewedThen.Select(r => (r.ProblemId, r.Rag, r.Decision)), ignoreOrder: true);
            agenda.Where(i => i.Decision is not null).Select(i => i.ProblemId).ShouldBe(held.Minutes().Select(d => d.ProblemId));
        }

        await using (var session = store.LightweightSession())
            (await ProblemReferences.NextAsync(session, Area.HighTown.Id, CancellationToken.None))
                .ShouldBe(ProblemReferences.Format(Area.HighTown.Id, demo.Count + 1));

        var eventCount = await EventCount(database.ConnectionString);
        (await DemoLoader.LoadAsync(store, Now.AddDays(1), CancellationToken.None)).ShouldBeNull();
        (await EventCount(database.ConnectionString)).ShouldBe(eventCount);
    }

    [Fact]
    public async Task The_demo_publishes_updates_on_several_problems_and_its_sensitive_problem_nowhere_seen_by_the_police_and_outreach_only()
    {
        await using var database = await TestDatabase.CreateAsync();
        using var store = StoreLikeTheApp(database.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await DemoLoader.LoadAsync(store, Now, CancellationToken.None);
        var sensitive = HighTownDemo.Build(Now).Select(h => Problem.Replay(h.Events)).Where(p => p.Sensitive).ShouldHaveSingleItem();
        var itsUpdate = HighTownDemo.Build(Now).Single(h => h.ProblemId == sensitive.Id).Events.OfType<PublicUpdateWritten>().ShouldHaveSingleItem().Text;

        await using var session = store.QuerySession();
        var published = await Api.Problems.PublicUpdates.PublicUpdateRows.PublishedAsync(session, Area.HighTown.Name, CancellationToken.None, int.MaxValue);
        var month = Octans.Reports.MonthlyPacks.PackMonth.Of(published[0].WrittenAt);
        var outputs = new[]
        {
            Api.Community.CommunityFeed.Of(Area.HighTown, published, "https://octans.example/community/HT", Now),
            Api.Community.MonthText.Of(Area.HighTown.Name, month, published),
        };

        sensitive.SensitiveTo.ShouldBe([Team.HighTownPolice.Id, Team.AzaleaOutreach.Id], ignoreOrder: true);
        foreach (var (reader, sees) in new[]
                 {
                     (Reader.OfTeam(Team.HighTownPolice.Id), true), (Reader.OfTeam(Team.AzaleaOutreach.Id), true), (Reader.Everything, true),
                     (Reader.OfTeam(Team.CleanStreets.Id), false), (Reader.OfTeam(Team.StreetLighting.Id), false), (Reader.Public, false),
                 })
            (await ProblemRows.SeenAsync(session, sensitive.Id, reader, CancellationToken.None)).ShouldBe(sees, reader.ToString());
        published.Select(u => u.ProblemId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        published.ShouldNotContain(u => u.ProblemId == sensitive.Id);
        foreach (var output in outputs)
            foreach (var secret in new[] { sensitive.Reference, sensitive.Title, itsUpdate, "arches" })
                output.ShouldNotContain(secret);
    }

    private static DocumentStore StoreLikeTheApp(string connectionString) => DocumentStore.For(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = DatabaseSettings.MartenSchema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.ConfigureReferenceData();
        options.ConfigureProblems();
        InboxReports.Declare(options);
        MeetingRows.Declare(options);
    });

    private static async Task<long> EventCount(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"select count(*) from {DatabaseSettings.MartenSchema}.mt_events", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
