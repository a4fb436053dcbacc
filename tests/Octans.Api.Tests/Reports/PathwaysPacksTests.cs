using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Alba;
using Octans.Api.Demo;
using Octans.Api.Reports.Archive;
using Octans.Api.Reports.Listing;
using Octans.Api.Reports.Requesting;
using Octans.Api.Reports.Scheduling;
using Octans.Api.Tests.Operations;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.Problems.ProblemsApi;
using static Octans.Api.Tests.Reports.PacksApi;

namespace Octans.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public sealed class PathwaysPacksTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_requests_a_quarter_s_Pathways_pack_lists_it_by_kind_and_downloads_it()
    {
        var (area, _, _) = await app.CreateAreaAsync();

        var status = await app.WaitForJob(await RequestPathways(area.Name, "2026-Q3"));

        status.State.ShouldBe("Succeeded", status.Error);
        var listed = (await app.Get<List<PackView>>($"/api/reports?area={Uri.EscapeDataString(area.Name)}&kind=Pathways")).ShouldHaveSingleItem();
        listed.Id.ShouldBe(status.ReportId!.Value);
        listed.Kind.ShouldBe(PackKind.Pathways);
        listed.Quarter.ShouldBe("2026-Q3");
        listed.Month.ShouldBeNull();
        listed.Cutoff.ShouldBe(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(1)));
        (await app.ListPacks(area.Name)).ShouldBeEmpty();

        var download = await app.Download(listed.Id, Councillor);
        download.Disposition.ShouldBe($"attachment; filename=\"octans-pack-town-{area.Name.Split(' ')[^1]}-pathways-2026-q3.pdf\"");
        Convert.ToHexStringLower(SHA256.HashData(download.Pdf)).ShouldBe(listed.Sha256);
        var text = PdfText(download.Pdf);
        text.ShouldContain($"{area.Name} Pathways pack, July to September 2026");
        text.ShouldContain($"1 new problem was taken on in {area.Name}");
        text.ShouldNotContain("Fly-tipping in the alley");

        var again = await app.WaitForJob(await RequestPathways(area.Name, "2026-Q3"));
        again.ReportId.ShouldBe(listed.Id);
    }

    [Fact]
    public async Task A_problem_marked_sensitive_is_left_out_of_the_Pathways_pack_whole()
    {
        var (area, lights, _) = await app.CreateAreaAsync();
        var version = (await app.Details(lights.Id)).Version;
        await app.Post(Coordinator, $"/api/problems/{lights.Id}/sensitivity", new { version, sensitive = true });

        var status = await app.WaitForJob(await RequestPathways(area.Name, "2026-Q3"));

        status.State.ShouldBe("Succeeded", status.Error);
        var text = PdfText((await app.Download(status.ReportId!.Value, Councillor)).Pdf);
        text.ShouldContain($"{area.Name} Pathways pack, July to September 2026");
        text.ShouldNotContain("Wenlock");
        text.ShouldNotContain("1 new problem was taken on");
    }

    [Fact]
    public async Task A_quarter_not_yet_ended_is_a_400_and_nothing_is_queued()
    {
        var result = await app.Post(Coordinator, "/api/reports/pathways", new { area = "High Town", quarter = "2026-Q4" }, 400);

        var problem = result.ReadAsJson<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>()!;
        problem.Errors["quarter"].Single().ShouldContain("October to December 2026 has not ended yet");
        await app.Post(Coordinator, "/api/reports/pathways", new { area = "High Town", quarter = "Q3 2026" }, 400);
        await app.Post(Coordinator, "/api/reports/pathways", new { area = "Nowhere", quarter = "2026-Q3" }, 400);
        await app.Get("/api/reports?kind=Weekly", status: 400);
    }

    [Fact]
    public async Task The_morning_check_makes_the_pack_a_coming_Pathways_meeting_will_read_and_then_no_second()
    {
        var (area, _, _) = await app.CreateAreaAsync();
        var heldOn = app.Today().AddDays(3);
        await app.Post(Coordinator, "/api/meetings", new { area = area.Name, kind = "Pathways", heldOn = heldOn.ToString("yyyy-MM-dd") }, 201);
        var schedule = ActivatorUtilities.CreateInstance<PathwaysPackSchedule>(app.Host.Services);

        var quarter = PathwaysPackSchedule.QuarterBefore(heldOn).ToString();
        (await schedule.QueueAheadAsync(area.Name, CancellationToken.None)).ShouldBe([$"{area.Name} {quarter}"]);

        var guard = System.Diagnostics.Stopwatch.StartNew();
        List<PackView> kept;
        while ((kept = await app.Get<List<PackView>>($"/api/reports?area={Uri.EscapeDataString(area.Name)}&kind=Pathways")).Count == 0)
        {
            guard.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(2), "the Pathways pack ahead of the meeting was never kept");
            await Task.Delay(200);
        }
        kept.ShouldHaveSingleItem().Quarter.ShouldBe(quarter);
        (await schedule.QueueAheadAsync(area.Name, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void A_Pathways_meeting_reads_the_pack_of_the_last_quarter_ended_before_it()
    {
        PathwaysPackSchedule.QuarterBefore(new DateOnly(2027, 1, 20)).ToString().ShouldBe("2026-Q4");
        PathwaysPackSchedule.QuarterBefore(new DateOnly(2026, 12, 31)).ToString().ShouldBe("2026-Q3");
    }

    [Fact]
    public async Task The_monthly_pack_as_a_web_page_shows_the_same_figures_as_the_PDF()
    {
        var (area, _, _) = await app.CreateAreaAsync();
        var status = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));
        var pdf = PdfText((await app.Download(status.ReportId!.Value, Councillor)).Pdf);

        var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, Councillor, DemoAccounts.DefaultPassword));
        var page = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/packs/{status.ReportId}/read");
            s.WithRequestHeader("Cookie", cookie);
            s.StatusCodeShouldBeOk();
        });
        var html = Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(page.ReadAsText(), "<[^>]+>", " ")), @"\s+", " ");

        var open = Regex.Match(pdf, @"Open problems at month end (\d+)").Groups[1].Value;
        var overdue = Regex.Match(pdf, @"Overdue actions at month end (\d+)").Groups[1].Value;
        (open, overdue).ShouldBe(("2", "1"));
        html.ShouldContain($"Open problems at month end {open}");
        html.ShouldContain($"Overdue actions at month end {overdue}");
        var summary = Regex.Match(pdf, @"In October 2026 .*? open\.").Value;
        summary.ShouldNotBeEmpty();
        html.ShouldContain(summary);
        html.ShouldContain($"{area.Id}-0002 · Fly-tipping in the alley behind Burr Street");
        html.ShouldContain("Enforcement letters to the businesses on Burr Street");
    }

    private async Task<MonthlyPackRequested> RequestPathways(string area, string quarter)
    {
        var result = await app.Post(Coordinator, "/api/reports/pathways", new { area, quarter }, 202);
        return (await result.ReadAsJsonAsync<MonthlyPackRequested>())!;
    }
}
