using Alba;
using CsvHelper;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Dashboard;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class ExportTests(AppFixture app)
{
    [Fact]
    public async Task The_CSV_has_a_header_row_and_every_problem_the_list_s_filters_match_in_the_columns_asked_for()
    {
        var area = await app.GivenArea();
        var lamp = await app.GivenProblem("Dark alley off Wenlock Street", area, category: "Street lighting", risk: Risk.High,
            at: app.Clock.GetUtcNow().AddDays(-3));
        await lamp.Plan("Replace lamp", Team.StreetLighting.Id, app.Today().AddDays(-1), at: app.Clock.GetUtcNow().AddDays(-3));
        var held = await app.GivenProblem("Bins by the chapel", area, category: "Fly-tipping");
        await held.Then(new AdvancePhase("Agreed at tasking."));
        await app.GivenProblem("Tags on the bridge", area, category: "Graffiti");

        var rows = await Csv($"/api/problems.csv?area={area.Id}&phase=Clear&columns=reference,title,phase,risk,overdueActions");

        rows[0].ShouldBe(["reference", "title", "phase", "risk", "overdueActions"]);
        rows.Skip(1).OrderBy(r => r[0]).ToList().ShouldBe([
            [lamp.Reference, "Dark alley off Wenlock Street", "Clear", "High", "1"],
            [$"{area.Id}-0003", "Tags on the bridge", "Clear", "Medium", "0"],
        ]);
        (await Csv($"/api/problems.csv?area={area.Id}&category=Fly-tipping&columns=title,phase")).ShouldBe([["title", "phase"], ["Bins by the chapel", "Hold"]]);
    }

    [Fact]
    public async Task Without_columns_the_CSV_has_the_list_s_usual_columns_for_a_councillor_too()
    {
        var area = await app.GivenArea();
        var problem = await app.GivenProblem("Needles in the stairwell", area, category: "Drug litter", risk: Risk.High);

        var result = await app.Get($"/api/problems.csv?area={area.Id}", Councillor);
        var rows = Read(result.ReadAsText());

        result.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        result.Context.Response.Headers.ContentDisposition.ToString().ShouldContain("octans-problems.csv");
        rows.ShouldBe([
            ["reference", "title", "category", "phase", "rag", "risk", "openActions", "overdueActions", "updatedAt"],
            [problem.Reference, "Needles in the stairwell", "Drug litter", "Clear", "", "High", "0", "0", app.Clock.GetUtcNow().ToString("O")],
        ]);
    }

    [Fact]
    public async Task An_unknown_column_is_a_400_that_names_it()
    {
        var result = await app.Get("/api/problems.csv?columns=reference,colour,title", status: 400);

        var problem = result.ReadAsJson<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>()!;
        problem.Errors["columns"].Single().ShouldContain("'colour'");
        await app.Get("/api/problems.csv?phase=Sideways", status: 400);
        await app.Get("/api/problems.csv", Lighting, status: 403);
    }

    [Fact]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe()
    {
        var area = await app.GivenArea();
        await app.GivenProblem("=HYPERLINK(\"http://example.test\",\"Click\")", area, location: "@SUM(A1:A9) Wenlock Street");
        await app.GivenProblem("-2 lamps still out", area, location: "+44 Burr Street");

        var rows = await Csv($"/api/problems.csv?area={area.Id}&columns=title,location,risk");

        rows.Skip(1).OrderBy(r => r[0]).ToList().ShouldBe([
            ["'-2 lamps still out", "'+44 Burr Street", "Medium"],
            ["'=HYPERLINK(\"http://example.test\",\"Click\")", "'@SUM(A1:A9) Wenlock Street", "Medium"],
        ]);
    }

    [Fact]
    public async Task Ten_thousand_problems_are_written_as_they_are_read_never_gathered_first()
    {
        var area = await app.GivenArea();
        await using (var session = app.OwnerStore.LightweightSession())
        {
            session.Queue(
                $"""
                 insert into {ProblemRows.Table} ({ProblemRows.Id}, {ProblemRows.Reference}, {ProblemRows.Title}, {ProblemRows.Statement},
                     {ProblemRows.Category}, {ProblemRows.Area}, {ProblemRows.Risk}, {ProblemRows.Place}, {ProblemRows.Phase}, {ProblemRows.Status},
                     {ProblemRows.ReportedAt}, {ProblemRows.ReportedBy}, {ProblemRows.UpdatedAt}, {ProblemRows.Version}, {ProblemRows.DecayReports},
                     {ProblemRows.OpenActions}, {ProblemRows.OpenActionTeams}, {ProblemRows.OpenDueDates}, {ProblemRows.NotesTotal})
                 select gen_random_uuid(), ? || '-' || lpad(n::text, 5, '0'), 'Fly-tipping behind shop ' || n, 'Bags dumped again.', 'Fly-tipping', ?,
                     'Medium', 'Wenlock Street', 'Clear', 'Open', now(), 'Coordinator', now() - n * interval '1 second', 1, 0, 0, '{"{}"}', '{"{}"}', 0
                 from generate_series(1, 10000) as n
                 """, area.Id, area.Name);
            await session.SaveChangesAsync();
        }

        var (export, errors) = await ProblemExport.CheckAsync(new ProblemFilter.Asked(Area: area.Id), null, Reader.Everything, app.Store.QuerySession(), app.Today(),
            CancellationToken.None);
        errors.ShouldBeEmpty();
        var output = new WritesCounted();
        await export!.WriteAsync(app.Store, output, CancellationToken.None);

        var rows = Read(System.Text.Encoding.UTF8.GetString(output.ToArray()));
        rows.Count.ShouldBe(10_001);
        rows[1][1].ShouldBe("Fly-tipping behind shop 1");
        // A file of about a megabyte reaches the answer in many writes, none larger than the writer's buffer and a row.
        output.Writes.ShouldBeGreaterThan(8);
        output.Largest.ShouldBeLessThan(128 * 1024);
        (await app.Get($"/api/problems.csv?area={area.Id}&columns=reference")).ReadAsText().Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Length.ShouldBe(10_001);
    }

    [Fact]
    public async Task The_dashboard_breaks_the_problems_down_by_category_ward_and_month()
    {
        var area = await app.GivenArea();
        var now = app.Clock.GetUtcNow();
        await app.GivenProblem("Lamp out", area, category: "Street lighting", ward: "High Town", at: now.AddMonths(-2));
        var held = await app.GivenProblem("Bins again", area, category: "Fly-tipping", ward: "High Town");
        await held.Then(new AdvancePhase("Agreed at tasking."));
        var closed = await app.GivenProblem("Bins in the alley", area, category: "Fly-tipping");
        await closed.Then(new CloseProblem(Outcome.Resolved, "Cleared and gated."));

        var breakdown = await app.Get<ProblemBreakdown>($"/api/dashboard/breakdown?area={area.Id}", Councillor);

        breakdown.ByCategory.ShouldBe([
            new ProblemsIn("Fly-tipping", new ProblemsByPhase(Clear: 0, Hold: 1, Build: 0, Closed: 1)),
            new ProblemsIn("Street lighting", new ProblemsByPhase(Clear: 1, Hold: 0, Build: 0, Closed: 0)),
        ]);
        breakdown.ByWard.ShouldBe([
            new ProblemsIn("High Town", new ProblemsByPhase(Clear: 1, Hold: 1, Build: 0, Closed: 0)),
            new ProblemsIn(ProblemRows.NoWard, new ProblemsByPhase(Clear: 0, Hold: 0, Build: 0, Closed: 1)),
        ]);
        breakdown.ByMonth.Count.ShouldBe(12);
        breakdown.ByMonth[^1].ShouldBe(new ReportedInMonth("2026-11", Reported: 2, StillOpen: 1));
        breakdown.ByMonth[^3].ShouldBe(new ReportedInMonth("2026-09", Reported: 1, StillOpen: 1));
        breakdown.ByMonth.Sum(m => m.Reported).ShouldBe(3);
    }

    private async Task<List<string[]>> Csv(string url) => Read((await app.Get(url)).ReadAsText());

    private static List<string[]> Read(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text), new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))]);
        return rows;
    }

    /// <summary>A memory stream that counts the writes it is given and the largest of them.</summary>
    private sealed class WritesCounted : MemoryStream
    {
        public int Writes { get; private set; }
        public int Largest { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) { Count(buffer.Length); base.Write(buffer); }
        public override void Write(byte[] buffer, int offset, int count) { Count(count); base.Write(buffer, offset, count); }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        private void Count(int bytes) => (Writes, Largest) = (Writes + 1, Math.Max(Largest, bytes));
    }
}
