using Microsoft.Extensions.Time.Testing;
using Octans.Api.Reports.Archive;
using Octans.Api.Reports.Producing;
using Octans.Api.Setup;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;
using static Octans.Api.Tests.Reports.PacksApi;
using Known = Octans.Reports.Tests.MonthlyPacks.KnownArea;

namespace Octans.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public sealed class MonthlyPackStorageTests(AppFixture app)
{
    private static readonly DateTimeOffset December = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_pack_read_from_the_event_store_is_the_pack_of_the_same_histories()
    {
        var (area, code) = NewArea();
        var problems = Known.Problems(area, code);
        await app.WriteAsync(problems);

        var fromStore = await RenderAsync(area, Known.October);

        var inMemory = MonthlyPackDocument.Render(MonthlyPackModel.From(area, Known.October, problems.Select(p => p.Events), Known.Teams));
        fromStore.Sha256.ShouldBe(inMemory.Sha256);
        await using var session = app.Store.QuerySession();
        var model = await MonthlyPackHistory.AssembleAsync(session, area, Known.October, CancellationToken.None);
        model.Summary.AtEnd.ShouldBe(new PhaseCounts(Clear: 1, Hold: 2, Build: 0, Closed: 2));
        model.Summary.ActionsOverdue.ShouldBe(3);
    }

    [Fact]
    public async Task Events_dated_after_the_cutoff_never_change_the_pack_but_a_back_dated_correction_does()
    {
        var (area, code) = NewArea();
        var problems = Known.Problems(area, code);
        await app.WriteAsync(problems);
        var before = await RenderAsync(area, Known.October);

        await app.AppendAsync(problems[0].Id, new NoteAdded(problems[0].Id, "Walkabout done in November.", ProblemScript.Coordinator, Known.At(11, 20)));
        (await RenderAsync(area, Known.October)).Sha256.ShouldBe(before.Sha256);

        await app.AppendAsync(problems[0].Id, new NoteAdded(problems[0].Id, "Missed from the log: lanterns ordered.", ProblemScript.Coordinator, Known.At(10, 14)));
        var corrected = await RenderAsync(area, Known.October);
        corrected.Sha256.ShouldNotBe(before.Sha256);
        PdfText(corrected.Pdf).ShouldContain("Note, 14 October 2026: Missed from the log: lanterns ordered.");
    }

    [Fact]
    public async Task Problems_of_other_areas_stay_out_of_the_pack()
    {
        var (area, code) = NewArea();
        var (otherArea, otherCode) = NewArea();
        await app.WriteAsync(Known.Problems(area, code));
        await app.WriteAsync(Known.Problems(otherArea, otherCode).Take(2));

        await using var session = app.Store.QuerySession();
        var model = await MonthlyPackHistory.AssembleAsync(session, area, Known.October, CancellationToken.None);

        model.Board.Select(p => p.Reference).ShouldBe([$"{code}-0001", $"{code}-0002", $"{code}-0005"]);
    }

    [Fact]
    public async Task Keeping_the_same_bytes_again_returns_the_pack_already_kept()
    {
        var (area, code) = NewArea();
        await app.WriteAsync(Known.Problems(area, code));
        var archive = new PackArchive(app.Store);
        var pack = await RenderAsync(area, Known.October);

        var first = await archive.KeepAsync(area, Known.October, pack, December, CancellationToken.None);
        var again = await archive.KeepAsync(area, Known.October, await RenderAsync(area, Known.October), December.AddHours(1), CancellationToken.None);

        again.ShouldBe(first);
        first.ShouldBe(new StoredPack(first.Id, area, "2026-10", 1, Known.October.Cutoff, pack.Sha256, pack.Pages, pack.Pdf.Length, December));
        (await archive.ListAsync(area, CancellationToken.None)).ShouldBe([first]);
        var (kept, pdf) = (await archive.ReadPdfAsync(first.Id, CancellationToken.None))!.Value;
        kept.ShouldBe(first);
        pdf.ShouldBe(pack.Pdf);
    }

    [Fact]
    public async Task A_corrected_history_is_kept_as_the_next_revision_beside_the_earlier_one()
    {
        var (area, code) = NewArea();
        var problems = Known.Problems(area, code);
        await app.WriteAsync(problems);
        var archive = new PackArchive(app.Store);
        var original = await RenderAsync(area, Known.October);
        var first = await archive.KeepAsync(area, Known.October, original, December, CancellationToken.None);

        await app.AppendAsync(problems[1].Id, new NoteAdded(problems[1].Id, "Letters confirmed sent on 19 October.", ProblemScript.Coordinator, Known.At(10, 19)));
        var corrected = await RenderAsync(area, Known.October);
        var second = await archive.KeepAsync(area, Known.October, corrected, December.AddDays(1), CancellationToken.None);

        second.Revision.ShouldBe(2);
        second.Id.ShouldNotBe(first.Id);
        second.Sha256.ShouldBe(corrected.Sha256);
        (await archive.ListAsync(area, CancellationToken.None)).Select(p => (p.Id, p.Revision)).ShouldBe([(second.Id, 2), (first.Id, 1)]);
        (await archive.ReadPdfAsync(first.Id, CancellationToken.None))!.Value.Pdf.ShouldBe(original.Pdf);
    }

    [Fact]
    public async Task Two_keeps_of_the_same_month_at_once_never_take_the_same_revision()
    {
        var (area, code) = NewArea();
        var problems = Known.Problems(area, code);
        await app.WriteAsync(problems);
        var archive = new PackArchive(app.Store);
        var packs = new List<RenderedPack> { await RenderAsync(area, Known.October) };
        for (var day = 11; day <= 14; day++)
        {
            await app.AppendAsync(problems[0].Id, new NoteAdded(problems[0].Id, $"Inspection on {day} October.", ProblemScript.Coordinator, Known.At(10, day)));
            packs.Add(await RenderAsync(area, Known.October));
        }

        var kept = await Task.WhenAll(packs.Select(pack => archive.KeepAsync(area, Known.October, pack, December, CancellationToken.None)));

        kept.Select(p => p.Revision).Order().ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task A_pack_that_fails_to_render_keeps_nothing()
    {
        var (area, code) = NewArea();
        var problems = Known.Problems(area, code);
        await app.WriteAsync(problems);
        // An event the store cannot read stops the pack after the job has started, as any failure while rendering would.
        // Events are never changed, so it is added: a copy of the second event whose data no longer reads.
        await using (var session = app.Store.LightweightSession())
        {
            session.Queue($"""
                insert into {DatabaseSettings.MartenSchema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
                select nextval('{DatabaseSettings.MartenSchema}.mt_events_sequence'), gen_random_uuid(), stream_id,
                  (select max(version) + 1 from {DatabaseSettings.MartenSchema}.mt_events where stream_id = ?),
                  cast(? as jsonb), type, timestamp, tenant_id, mt_dotnet_type
                from {DatabaseSettings.MartenSchema}.mt_events where stream_id = ? and version = 2
                """, problems[0].Id, "{\"problemId\": \"unreadable\"}", problems[0].Id);
            await session.SaveChangesAsync();
        }
        var archive = new PackArchive(app.Store);
        var job = new MonthlyPackJob(app.Store, archive, new FakeTimeProvider(December));

        await Should.ThrowAsync<System.Text.Json.JsonException>(() => job.RenderAndKeepAsync(area, Known.October, CancellationToken.None));

        (await archive.ListAsync(area, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_job_refuses_a_month_that_has_not_ended()
    {
        var job = new MonthlyPackJob(app.Store, new PackArchive(app.Store), new FakeTimeProvider(Known.At(10, 31, 12)));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => job.RenderAndKeepAsync(Known.AreaName, Known.October, CancellationToken.None));

        error.Message.ShouldBe("October 2026 has not ended yet, so its pack cannot be produced.");
    }

    private async Task<RenderedPack> RenderAsync(string area, PackMonth month) =>
        await MonthlyPackJob.ReadAndRenderAsync(app.Store, area, month, CancellationToken.None);
}
