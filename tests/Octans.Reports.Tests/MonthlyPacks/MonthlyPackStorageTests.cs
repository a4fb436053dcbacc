using Marten;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;
using static Octans.Reports.Tests.MonthlyPacks.KnownArea;

namespace Octans.Reports.Tests.MonthlyPacks;

public sealed class MonthlyPackStorageTests(PackDatabase database) : IClassFixture<PackDatabase>
{
    private static readonly DateTimeOffset December = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_pack_read_from_the_event_store_is_the_pack_of_the_same_histories()
    {
        var (area, code) = database.NewArea();
        var problems = Problems(area, code);
        await database.WriteAsync(problems);

        var fromStore = await RenderAsync(area, October);

        var inMemory = MonthlyPackDocument.Render(MonthlyPackModel.From(area, October, problems.Select(p => p.Events), Teams));
        fromStore.Sha256.ShouldBe(inMemory.Sha256);
        await using var session = database.Store.QuerySession();
        var model = await MonthlyPackHistory.AssembleAsync(session, Teams, area, October, CancellationToken.None);
        model.Summary.AtEnd.ShouldBe(new PhaseCounts(Clear: 1, Hold: 2, Build: 0, Closed: 2));
        model.Summary.ActionsOverdue.ShouldBe(3);
    }

    [Fact]
    public async Task Events_dated_after_the_cutoff_never_change_the_pack_but_a_back_dated_correction_does()
    {
        var (area, code) = database.NewArea();
        var problems = Problems(area, code);
        await database.WriteAsync(problems);
        var before = await RenderAsync(area, October);

        await database.AppendAsync(problems[0].Id, new NoteAdded(problems[0].Id, "Walkabout done in November.", ProblemScript.Coordinator, At(11, 20)));
        (await RenderAsync(area, October)).Sha256.ShouldBe(before.Sha256);

        await database.AppendAsync(problems[0].Id, new NoteAdded(problems[0].Id, "Missed from the log: lanterns ordered.", ProblemScript.Coordinator, At(10, 14)));
        var corrected = await RenderAsync(area, October);
        corrected.Sha256.ShouldNotBe(before.Sha256);
        using var pdf = Layout.RenderedPdf.Read(corrected.Pdf);
        Enumerable.Range(1, pdf.PageCount).SelectMany(pdf.Lines).ShouldContain("Note, 14 Oct 2026: Missed from the log: lanterns ordered.");
    }

    [Fact]
    public async Task Problems_of_other_areas_stay_out_of_the_pack()
    {
        var (area, code) = database.NewArea();
        var (otherArea, otherCode) = database.NewArea();
        await database.WriteAsync(Problems(area, code));
        await database.WriteAsync(Problems(otherArea, otherCode).Take(2));

        await using var session = database.Store.QuerySession();
        var model = await MonthlyPackHistory.AssembleAsync(session, Teams, area, October, CancellationToken.None);

        model.Board.Select(p => p.Reference).ShouldBe([$"{code}-0001", $"{code}-0002", $"{code}-0005"]);
    }

    [Fact]
    public async Task Keeping_the_same_bytes_again_returns_the_pack_already_kept()
    {
        var (area, code) = database.NewArea();
        await database.WriteAsync(Problems(area, code));
        var archive = new PackArchive(database.Store);
        var pack = await RenderAsync(area, October);

        var first = await archive.KeepAsync(area, October, pack, December, CancellationToken.None);
        var again = await archive.KeepAsync(area, October, await RenderAsync(area, October), December.AddHours(1), CancellationToken.None);

        again.ShouldBe(first);
        first.ShouldBe(new StoredPack(first.Id, area, "2026-10", 1, October.Cutoff, pack.Sha256, pack.Pages, pack.Pdf.Length, December));
        (await archive.ListAsync(area, CancellationToken.None)).ShouldBe([first]);
        var (kept, pdf) = (await archive.ReadPdfAsync(first.Id, CancellationToken.None))!.Value;
        kept.ShouldBe(first);
        pdf.ShouldBe(pack.Pdf);
    }

    [Fact]
    public async Task A_corrected_history_is_kept_as_the_next_revision_beside_the_earlier_one()
    {
        var (area, code) = database.NewArea();
        var problems = Problems(area, code);
        await database.WriteAsync(problems);
        var archive = new PackArchive(database.Store);
        var original = await RenderAsync(area, October);
        var first = await archive.KeepAsync(area, October, original, December, CancellationToken.None);

        await database.AppendAsync(problems[1].Id, new NoteAdded(problems[1].Id, "Letters confirmed sent on 19 October.", ProblemScript.Coordinator, At(10, 19)));
        var corrected = await RenderAsync(area, October);
        var second = await archive.KeepAsync(area, October, corrected, December.AddDays(1), CancellationToken.None);

        second.Revision.ShouldBe(2);
        second.Id.ShouldNotBe(first.Id);
        second.Sha256.ShouldBe(corrected.Sha256);
        (await archive.ListAsync(area, CancellationToken.None)).Select(p => (p.Id, p.Revision)).ShouldBe([(second.Id, 2), (first.Id, 1)]);
        (await archive.ReadPdfAsync(first.Id, CancellationToken.None))!.Value.Pdf.ShouldBe(original.Pdf);
    }

    [Fact]
    public async Task Two_keeps_of_the_same_month_at_once_never_take_the_same_revision()
    {
        var (area, code) = database.NewArea();
        var problems = Problems(area, code);
        await database.WriteAsync(problems);
        var archive = new PackArchive(database.Store);
        var packs = new List<RenderedPack> { await RenderAsync(area, October) };
        for (var day = 11; day <= 14; day++)
        {
            await database.AppendAsync(problems[0].Id, new NoteAdded(problems[0].Id, $"Inspection on {day} October.", ProblemScript.Coordinator, At(10, day)));
            packs.Add(await RenderAsync(area, October));
        }

        var kept = await Task.WhenAll(packs.Select(pack => archive.KeepAsync(area, October, pack, December, CancellationToken.None)));

        kept.Select(p => p.Revision).Order().ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task A_pack_that_fails_to_render_keeps_nothing()
    {
        var (area, code) = database.NewArea();
        await database.WriteAsync(Problems(area, code));
        var archive = new PackArchive(database.Store);
        var job = new MonthlyPackJob(database.Store, new UnreadableTeams(), archive, new FixedClock(December));

        await Should.ThrowAsync<InvalidOperationException>(() => job.RenderAndKeepAsync(area, October, CancellationToken.None));

        (await archive.ListAsync(area, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_job_refuses_a_month_that_has_not_ended()
    {
        var job = new MonthlyPackJob(database.Store, new ReferenceTeams(), new PackArchive(database.Store), new FixedClock(At(10, 31, 12)));

        var error = await Should.ThrowAsync<InvalidOperationException>(() => job.RenderAndKeepAsync(AreaName, October, CancellationToken.None));

        error.Message.ShouldBe("October 2026 has not ended yet, so its pack cannot be produced.");
    }

    private async Task<RenderedPack> RenderAsync(string area, PackMonth month) =>
        await MonthlyPackJob.ReadAndRenderAsync(database.Store, new ReferenceTeams(), area, month, CancellationToken.None);

    private sealed class ReferenceTeams : IPartnerTeams
    {
        public Task<IReadOnlyList<PartnerTeam>> AllAsync(IQuerySession session, CancellationToken cancellation) => Task.FromResult(Teams);
    }

    private sealed class UnreadableTeams : IPartnerTeams
    {
        public Task<IReadOnlyList<PartnerTeam>> AllAsync(IQuerySession session, CancellationToken cancellation) =>
            throw new InvalidOperationException("The teams could not be read.");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
