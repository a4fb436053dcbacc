using System.Diagnostics;
using System.Security.Cryptography;
using Alba;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;
using Octans.Api.Reports.Jobs;
using Octans.Api.Reports.Producing;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.Problems.ProblemsApi;
using static Octans.Api.Tests.Reports.PacksApi;

namespace Octans.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public sealed class MonthlyPacksTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_requests_a_pack_waits_for_the_job_and_downloads_the_pdf()
    {
        var (area, _, _) = await app.CreateAreaAsync();

        var requested = await app.RequestPack(area.Name, "2026-10");
        requested.StatusUrl.ShouldBe($"/api/reports/jobs/{requested.JobId}");
        var status = await app.WaitForJob(requested);

        status.State.ShouldBe("Succeeded", status.Error);
        var listed = (await app.ListPacks(area.Name)).ShouldHaveSingleItem();
        listed.Id.ShouldBe(status.ReportId!.Value);
        listed.Area.ShouldBe(area.Name);
        listed.Month.ShouldBe("2026-10");
        listed.Revision.ShouldBe(1);
        listed.Cutoff.ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        listed.Cutoff.Offset.ShouldBe(TimeSpan.Zero);
        listed.GeneratedAt.ShouldBe(app.Clock.GetUtcNow(), TimeSpan.FromMinutes(5));

        var download = await app.Download(listed.Id, Councillor);
        download.ContentType.ShouldBe("application/pdf");
        download.Disposition.ShouldBe($"attachment; filename=\"octans-pack-town-{area.Name.Split(' ')[^1]}-2026-10.pdf\"");
        download.Pdf.Length.ShouldBe(listed.Bytes);
        Convert.ToHexStringLower(SHA256.HashData(download.Pdf)).ShouldBe(listed.Sha256);
        var text = PdfText(download.Pdf);
        text.ShouldContain($"Operation Octans — {area.Name} progress pack");
        text.ShouldContain($"{area.Id}-0002 · Fly-tipping in the alley behind Burr Street");
        text.ShouldContain("Enforcement letters to the businesses on Burr Street");
        text.ShouldContain($"Page {listed.Pages} of {listed.Pages}");
    }

    [Fact]
    public async Task The_High_Town_pack_downloads_under_the_file_name_of_the_contract()
    {
        var status = await app.WaitForJob(await app.RequestPack("High Town", "2026-10", ProblemsApi.Admin));

        var download = await app.Download(status.ReportId!.Value, Coordinator);

        download.Disposition.ShouldBe("attachment; filename=\"octans-high-town-2026-10.pdf\"");
        PdfText(download.Pdf).ShouldContain("Operation Octans — High Town progress pack");
    }

    [Fact]
    public async Task Producing_the_same_pack_again_returns_the_report_already_kept()
    {
        var (area, _, _) = await app.CreateAreaAsync();
        var first = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));

        var second = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));

        second.State.ShouldBe("Succeeded");
        second.ReportId.ShouldBe(first.ReportId);
        (await app.ListPacks(area.Name)).ShouldHaveSingleItem().Revision.ShouldBe(1);
    }

    [Fact]
    public async Task A_correction_dated_inside_the_month_makes_revision_two_and_revision_one_is_kept()
    {
        var (area, lights, _) = await app.CreateAreaAsync();
        var first = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));
        var original = await app.Download(first.ReportId!.Value, Councillor);

        await app.AppendAsync(lights.Id, new NoteAdded(lights.Id, "Missed from the log: the lanterns were ordered.", ProblemScript.Coordinator, October(14)));
        var second = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));

        second.ReportId.ShouldNotBe(first.ReportId);
        var packs = await app.ListPacks(area.Name);
        packs.Select(p => (p.Id, p.Revision)).ShouldBe([(second.ReportId!.Value, 2), (first.ReportId.Value, 1)]);
        packs[0].Sha256.ShouldNotBe(packs[1].Sha256);
        (await app.Download(first.ReportId.Value, Councillor)).Pdf.ShouldBe(original.Pdf);
        var corrected = await app.Download(second.ReportId.Value, Councillor);
        corrected.Disposition.ShouldEndWith("-2026-10-revision-2.pdf\"");
        PdfText(corrected.Pdf).ShouldContain("Missed from the log: the lanterns were ordered.");
    }

    [Fact]
    public async Task An_event_dated_after_the_cutoff_leaves_the_pack_as_it_was()
    {
        var (area, lights, _) = await app.CreateAreaAsync();
        var first = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));

        await app.AppendAsync(lights.Id, new NoteAdded(lights.Id, "November walkabout done.", ProblemScript.Coordinator, app.Clock.GetUtcNow()));
        var second = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));

        second.ReportId.ShouldBe(first.ReportId);
    }

    [Theory]
    [InlineData("2026-13", "month", "'2026-13' is not a month; write it as year and month, e.g. 2026-10.")]
    [InlineData("October 2026", "month", "'October 2026' is not a month; write it as year and month, e.g. 2026-10.")]
    [InlineData("", "month", "Enter the month of the pack as year and month, e.g. 2026-10.")]
    public async Task A_malformed_or_missing_month_is_a_400_naming_the_month(string month, string field, string message)
    {
        var result = await app.Post(Coordinator, "/api/reports/monthly", new { area = "High Town", month }, 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe([field]);
        problem.Errors[field].ShouldBe([message]);
        problem.Detail.ShouldBe(message);
    }

    [Fact]
    public async Task A_month_that_has_not_ended_is_a_400_saying_when_it_can_be_produced()
    {
        var month = PackMonth.Of(app.Clock.GetUtcNow());

        var result = await app.Post(Coordinator, "/api/reports/monthly", new { area = "High Town", month = month.ToString() }, 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors["month"].ShouldBe([$"{month.Name} has not ended yet; its pack can be produced from {month.DayAfter:d MMMM yyyy}."]);
    }

    [Fact]
    public async Task An_unknown_area_is_a_400_naming_the_area()
    {
        var result = await app.Post(Coordinator, "/api/reports/monthly", new { area = "Low Town", month = "2026-10" }, 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["area"]);
        problem.Errors["area"].ShouldBe(["There is no area called 'Low Town'. Choose one of the areas Octans knows, such as High Town."]);
        await app.Post(Coordinator, "/api/reports/monthly", new { month = "2026-10" }, 400);
    }

    [Theory]
    [InlineData(Councillor)]
    [InlineData(Lighting)]
    public async Task Only_coordinators_and_admins_may_request_a_pack(string email)
    {
        await app.Post(email, "/api/reports/monthly", new { area = "High Town", month = "2026-10" }, 403);
    }

    [Fact]
    public async Task Every_signed_in_role_may_list_and_download_packs_but_nobody_signed_out()
    {
        var (area, _, _) = await app.CreateAreaAsync();
        var status = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));

        foreach (var email in new[] { Coordinator, Lighting, Councillor, ProblemsApi.Admin })
        {
            (await app.ListPacks(area.Name, email)).ShouldHaveSingleItem();
            (await app.Download(status.ReportId!.Value, email)).Pdf.ShouldNotBeEmpty();
        }
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/reports");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Unknown_jobs_and_reports_are_404s()
    {
        var token = await app.TokenFor(Coordinator);
        foreach (var url in new[] { "/api/reports/jobs/999999999", "/api/reports/jobs/not-a-job", $"/api/reports/{Guid.NewGuid()}/pdf" })
            await app.Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.WithBearerToken(token);
                s.StatusCodeShouldBe(404);
            });
    }

    [Fact]
    public async Task Listing_for_an_unknown_area_is_a_400_and_without_an_area_lists_every_area()
    {
        var (area, _, _) = await app.CreateAreaAsync();
        var status = await app.WaitForJob(await app.RequestPack(area.Id, "2026-10"));

        (await app.Get<List<Octans.Api.Reports.Listing.PackView>>("/api/reports", Councillor)).ShouldContain(p => p.Id == status.ReportId);
        await app.Host.Scenario(async s =>
        {
            s.Get.Url("/api/reports?area=Low%20Town");
            s.WithBearerToken(await app.TokenFor(Councillor));
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task A_failed_attempt_is_reported_in_a_sentence_keeps_nothing_and_is_tried_again_and_its_reason_is_logged()
    {
        var (area, _, _) = await app.CreateAreaAsync();
        var jobs = app.Host.Services.GetRequiredService<IBackgroundJobClient>();
        // The API refuses a month that has not ended; a job asked for one directly fails, as a broken render would.
        var month = PackMonth.Of(app.Clock.GetUtcNow()).ToString();
        var jobId = jobs.Enqueue<MonthlyPackJob>(job => job.RenderAsync(area.Name, month, null, CancellationToken.None));

        try
        {
            var guard = Stopwatch.StartNew();
            PackJobStatus status;
            do
            {
                status = await app.Get<PackJobStatus>($"/api/reports/jobs/{jobId}");
                if (guard.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"The job never failed: {status}");
                if (status.Error is null) await Task.Delay(200);
            } while (status.Error is null);

            status.State.ShouldBe("Enqueued");
            status.ReportId.ShouldBeNull();
            status.Error.ShouldBe("An attempt to produce the pack failed and will be tried again shortly.");
            app.Logs.Lines.ShouldContain(line => line.Contains($"{PackMonth.Parse(month).Name} has not ended yet, so its pack cannot be produced."));
            (await app.ListPacks(area.Name)).ShouldBeEmpty();
        }
        finally
        {
            jobs.Delete(jobId);
        }
    }

    [Fact]
    public async Task Each_area_has_a_recurring_pack_job_at_six_on_the_first_of_the_month_London_time()
    {
        using var connection = app.Host.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().Single(j => j.Id == "monthly-pack-ht");
        job.Cron.ShouldBe("0 6 1 * *");
        job.TimeZoneId.ShouldBeOneOf("Europe/London", "GMT Standard Time");
        job.Job.Type.ShouldBe(typeof(MonthlyPackJob));
        job.Job.Method.Name.ShouldBe(nameof(MonthlyPackJob.RenderLastMonthAsync));
        job.Job.Args[0].ShouldBe("High Town");
    }
}
