using System.Diagnostics;
using Alba;
using Marten;
using Octans.Api.ReferenceData;
using Octans.Api.Reports.Jobs;
using Octans.Api.Reports.Listing;
using Octans.Api.Reports.Requesting;
using Octans.Domain;
using Octans.Testing;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Reports;

/// <summary>The calls the pack tests make, and areas of their own written as back-dated events.</summary>
public static class PacksApi
{
    private static int _areas;

    public static DateTimeOffset October(int day, int hour = 10) => new(2026, 10, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A new area with two problems in October 2026: one reported in September and advanced in October with a review,
    /// one reported in October with an action still open past its due date at the end of the month.
    /// </summary>
    public static async Task<(Area Area, ProblemScript Lights, ProblemScript Alley)> CreateAreaAsync(this AppFixture app)
    {
        var n = Interlocked.Increment(ref _areas);
        var area = new Area { Id = $"P{(char)('A' + n)}", Name = $"Pack Town {n}" };
        var lights = ProblemScript.Report($"{area.Id}-0001", "Street lights out on Wenlock Street", October(1).AddDays(-20), area.Name);
        var repair = lights.Plan("Repair the three dark columns", Team.StreetLighting.Id, new DateOnly(2026, 9, 30), October(1).AddDays(-19));
        var lit = lights.AddCriterion("All columns lit for two weeks", October(1).AddDays(-19));
        lights.Complete(repair, "Columns 12 to 14 repaired.", October(1).AddDays(-2));
        lights.Meet(lit, "Night inspection found every column lit.", October(1).AddDays(-1));
        lights.Advance(October(3));
        lights.Review(Rag.Green, "Lights holding; keep the night checks.", October(8));

        var alley = ProblemScript.Report($"{area.Id}-0002", "Fly-tipping in the alley behind Burr Street", October(5), area.Name, "Fly-tipping");
        alley.Plan("Enforcement letters to the businesses on Burr Street", Team.EnvironmentalEnforcement.Id, new DateOnly(2026, 10, 20), October(5));

        await using var session = app.Store.LightweightSession();
        session.Insert(area);
        foreach (var problem in new[] { lights, alley })
            session.Events.StartStream<Problem>(problem.Id, [.. problem.Events]);
        await session.SaveChangesAsync();
        return (area, lights, alley);
    }

    /// <summary>A new area name and reference code, e.g. ("Kept Area 3", "KD"), for problems written with <see cref="WriteAsync"/>.</summary>
    public static (string Name, string Code) NewArea()
    {
        var n = Interlocked.Increment(ref _areas);
        return ($"Kept Area {n}", $"K{(char)('A' + n)}");
    }

    public static async Task WriteAsync(this AppFixture app, IEnumerable<ProblemScript> problems)
    {
        await using var session = app.Store.LightweightSession();
        foreach (var problem in problems)
            session.Events.StartStream<Problem>(problem.Id, [.. problem.Events]);
        await session.SaveChangesAsync();
    }

    public static async Task AppendAsync(this AppFixture app, Guid problemId, IProblemEvent e)
    {
        await using var session = app.Store.LightweightSession();
        (await session.Events.FetchForWriting<Problem>(problemId)).AppendOne(e);
        await session.SaveChangesAsync();
    }

    public static async Task<MonthlyPackRequested> RequestPack(this AppFixture app, string area, string month, string email = Coordinator)
    {
        var result = await app.Post(email, "/api/reports/monthly", new { area, month }, 202);
        var requested = (await result.ReadAsJsonAsync<MonthlyPackRequested>())!;
        result.Context.Response.Headers.Location.ToString().ShouldBe(requested.StatusUrl);
        return requested;
    }

    /// <summary>Polls the job's status until Hangfire has finished it; the guard only stops a hung job from hanging the run.</summary>
    public static async Task<PackJobStatus> WaitForJob(this AppFixture app, MonthlyPackRequested requested)
    {
        var guard = Stopwatch.StartNew();
        while (true)
        {
            var status = await app.Get<PackJobStatus>(requested.StatusUrl);
            if (status.State is "Succeeded" or "Failed")
                return status;
            if (guard.Elapsed > TimeSpan.FromMinutes(2))
                throw new TimeoutException($"The pack job {requested.JobId} was still {status.State} after two minutes.");
            await Task.Delay(200);
        }
    }

    public static async Task<IReadOnlyList<PackView>> ListPacks(this AppFixture app, string area, string email = Councillor) =>
        await app.Get<List<PackView>>($"/api/reports?area={Uri.EscapeDataString(area)}", email);

    /// <summary>The text of a PDF as poppler's pdftotext reads it, which must not complain.</summary>
    public static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"octans-api-pack-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", $"\"{path}\" -") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.ShouldBe(0, errors);
            errors.ShouldBeEmpty();
            return System.Text.RegularExpressions.Regex.Replace(output.Result, @"\s+", " ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task<(byte[] Pdf, string? ContentType, string Disposition)> Download(this AppFixture app, Guid id, string email)
    {
        var token = await app.TokenFor(email);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/reports/{id}/pdf");
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
        var body = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(body);
        return (body.ToArray(), result.Context.Response.ContentType, result.Context.Response.Headers.ContentDisposition.ToString());
    }

    public static async Task<T> Get<T>(this AppFixture app, string url, string email = Coordinator)
    {
        var token = await app.TokenFor(email);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<T>())!;
    }
}
