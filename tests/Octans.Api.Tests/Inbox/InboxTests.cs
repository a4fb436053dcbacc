using Alba;
using Octans.Api.Inbox;
using Octans.Api.Inbox.Uploading;
using Octans.Api.Problems.Reporting;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using static Octans.Api.Tests.Inbox.InboxApi;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Inbox;

[Collection(ApiCollection.Name)]
public sealed class InboxTests(AppFixture app)
{
    [Fact]
    public async Task A_report_taken_by_phone_waits_in_the_inbox_with_the_open_problems_near_it()
    {
        // A spot of the test's own, away from the problems other tests report, so the nearest few are this test's.
        var latitude = Math.Round(52.0 + Random.Shared.NextDouble() * 0.5, 4);
        var problem = await app.ReportProblem(new
        {
            title = "Lights out on a street of the test's own", statement = "Dark for a week.", category = "Street lighting", area = "High Town", risk = "Low",
            location = new { description = "A street of the test's own", latitude, longitude = -0.4142 },
        });
        var far = await app.ReportProblem(new
        {
            title = "Lights out a mile away", statement = "Dark for a week.", category = "Street lighting", area = "High Town", risk = "Low",
            location = new { description = "A mile away", latitude = latitude + 0.015, longitude = -0.4142 },
        });
        var id = await app.TakeReport(location: Place(latitude: latitude + 0.0005, longitude: -0.4142));

        var item = await app.InboxItem(id);

        item.State.ShouldBe(InboxState.New);
        item.Source.ShouldBe("Phone");
        item.Location.Latitude.ShouldBe(latitude + 0.0005);
        item.Nearby.ShouldNotContain(n => n.ProblemId == far.Id);
        item.Nearby.ShouldContain(n => n.ProblemId == problem.Id);
        item.Nearby.Single(n => n.ProblemId == problem.Id).DistanceMetres.ShouldBeLessThan(InboxReports.NearbyMetres);
        (await app.Inbox("area=HT&state=Dismissed&pageSize=100")).Items.ShouldNotContain(i => i.Id == id);
    }

    [Fact]
    public async Task A_report_taken_by_staff_may_not_carry_a_phone_number()
    {
        var result = await app.Post(Lighting, "/api/inbox",
            new { area = "High Town", category = "Street lighting", description = "Ring her back on 07700 900123.", location = Place() }, 400);
        (await result.Errors()).ShouldContainKey("description");
    }

    [Fact]
    public async Task An_attached_report_becomes_a_recurrence_with_its_date_source_and_place()
    {
        var problem = await app.ReportProblem();
        var id = await app.TakeReport("Column 14 dark again, says a caller.");

        var attached = await app.Post(Coordinator, $"/api/inbox/{id}/attach", new { problemId = problem.Id, version = problem.Version });

        (await attached.NewVersion()).ShouldBe(problem.Version + 1);
        var recurrence = (await app.Details(problem.Id)).Recurrences.ShouldHaveSingleItem();
        (recurrence.ObservedOn, recurrence.Description, recurrence.Source).ShouldBe((app.Today(), "Column 14 dark again, says a caller.", "Phone"));
        await using var session = app.Store.QuerySession();
        var logged = (await session.Events.FetchStreamAsync(problem.Id)).Select(e => e.Data).OfType<RecurrenceLogged>().Single();
        logged.Place.ShouldNotBeNull().Latitude.ShouldBe(51.8843);
        var item = await app.InboxItem(id);
        (item.State, item.ProblemId).ShouldBe((InboxState.Attached, (Guid?)problem.Id));

        var again = await app.Post(Coordinator, $"/api/inbox/{id}/attach", new { problemId = problem.Id, version = problem.Version + 1 }, 400);
        (await again.Detail()).ShouldContain("already");
        (await app.Details(problem.Id)).Recurrences.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_stale_version_attaches_nothing()
    {
        var problem = await app.ReportProblem();
        var id = await app.TakeReport();

        await app.Post(Coordinator, $"/api/inbox/{id}/attach", new { problemId = problem.Id, version = problem.Version + 5 }, 409);

        (await app.InboxItem(id)).State.ShouldBe(InboxState.New);
        (await app.Details(problem.Id)).Recurrences.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_promoted_report_becomes_a_problem_with_its_description_and_place()
    {
        var id = await app.TakeReport("Needles in the alley behind the parade, again and again.");

        var result = await app.Post(Coordinator, $"/api/inbox/{id}/promote", new { title = "Needles behind the parade", category = "Drug litter", risk = "High" }, 201);

        var created = (await result.ReadAsJsonAsync<ProblemCreated>())!;
        var details = await app.Details(created.Id);
        (details.Title, details.Statement, details.Location.Latitude).ShouldBe(("Needles behind the parade", "Needles in the alley behind the parade, again and again.", (double?)51.8843));
        (await app.InboxItem(id)).ShouldSatisfyAllConditions(i => i.State.ShouldBe(InboxState.Promoted), i => i.ProblemId.ShouldBe(created.Id));
        await app.Post(Coordinator, $"/api/inbox/{id}/promote", new { title = "Twice", category = "Drug litter", risk = "High" }, 400);
    }

    [Fact]
    public async Task A_promotion_without_a_title_makes_nothing()
    {
        var id = await app.TakeReport();

        var result = await app.Post(Coordinator, $"/api/inbox/{id}/promote", new { category = "Drug litter", risk = "High" }, 400);

        (await result.Errors()).ShouldContainKey("title");
        (await app.InboxItem(id)).State.ShouldBe(InboxState.New);
    }

    [Fact]
    public async Task A_report_is_dismissed_with_a_reason_once()
    {
        var id = await app.TakeReport();

        (await (await app.Post(Coordinator, $"/api/inbox/{id}/dismiss", new { reason = " " }, 400)).Errors()).ShouldContainKey("reason");
        await app.Post(Coordinator, $"/api/inbox/{id}/dismiss", new { reason = "Private land: passed to the landlord." }, 204);
        await app.Post(Coordinator, $"/api/inbox/{id}/dismiss", new { reason = "Again." }, 400);

        (await app.InboxItem(id)).State.ShouldBe(InboxState.Dismissed);
    }

    [Fact]
    public async Task An_unknown_report_is_a_404()
    {
        await app.Post(Coordinator, $"/api/inbox/{Guid.NewGuid()}/dismiss", new { reason = "No." }, 404);
        var problem = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/inbox/{Guid.NewGuid()}/attach", new { problemId = problem.Id, version = problem.Version }, 404);
    }

    [Fact]
    public async Task An_upload_takes_the_good_rows_says_why_it_skipped_the_others_and_takes_nothing_twice()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            reference,received,category,description,location,latitude,longitude
            {run}-1,2026-11-10 21:40,Street lighting,Lights out on Wenlock Street; caller 07700 900123,Wenlock Street,51.8843,-0.4142
            {run}-2,yesterday,Street lighting,Dark again,Wenlock Street,,
            {run}-3,2026-11-11,Fly-tipping,Mattresses,,,
            {run}-4,12/11/2026,Fly-tipping,Bags by the garages,Garages off Lea Road,,
            {run}-5,2026-11-12,No such category,Something,Lea Road,,
            """;

        var answer = (await (await app.Upload(csv)).ReadAsJsonAsync<UploadAnswer>())!;

        answer.Taken.ShouldBe(2);
        answer.Skipped.Select(s => s.Row).ShouldBe([3, 4, 6]);
        answer.Skipped[0].Reason.ShouldContain("not a date");
        answer.Skipped[1].Reason.ShouldContain("no place");
        answer.Skipped[2].Reason.ShouldContain("category");
        var taken = (await app.Inbox("area=HT&pageSize=100")).Items.Where(i => i.Source == ReportUploading.Source && i.Description.Contains("Wenlock")).ToList();
        taken.ShouldContain(i => i.Description == "Lights out on Wenlock Street; caller [phone number removed]"
            && i.ReceivedAt == new DateTimeOffset(2026, 11, 10, 21, 40, 0, TimeSpan.Zero));

        var again = (await (await app.Upload(csv)).ReadAsJsonAsync<UploadAnswer>())!;
        again.Taken.ShouldBe(0);
        again.Skipped.Select(s => s.Row).ShouldBe([2, 3, 4, 5, 6]);
    }

    [Fact]
    public async Task An_upload_with_a_value_in_an_unknown_column_skips_that_row()
    {
        var csv = $"""
            received,category,description,location,officer
            2026-11-12,Graffiti,Tag on the bridge {Guid.NewGuid():N},Bridge on Hitchin Road,
            2026-11-12,Graffiti,Tag on the wall {Guid.NewGuid():N},Wall on Hitchin Road,PC Smith
            """;

        var answer = (await (await app.Upload(csv)).ReadAsJsonAsync<UploadAnswer>())!;

        answer.Taken.ShouldBe(1);
        answer.Skipped.ShouldHaveSingleItem().ShouldSatisfyAllConditions(s => s.Row.ShouldBe(3), s => s.Reason.ShouldContain("officer"));
    }

    [Fact]
    public async Task An_upload_without_the_columns_it_needs_or_an_area_is_a_400()
    {
        await app.Upload("reference,notes\n1,hello\n", status: 400);
        await app.Upload("received,category,description,location\n", area: "Nowhere", status: 400);
    }

    [Fact]
    public async Task A_file_of_ten_thousand_reports_is_taken_in_one_go_and_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = new System.Text.StringBuilder("reference,received,category,description,location,latitude,longitude\n");
        for (var i = 0; i < ReportUploading.MaxRows; i++)
            csv.Append($"{run}-{i},2026-11-{1 + i % 14:00} 2{i % 4}:15,Fly-tipping,Bags dumped behind number {i % 90} (caller on 07700 900{i % 1000:000}),Lea Road,{51.88 + i % 100 * 0.0001:0.0000},{-0.41 - i % 70 * 0.0001:0.0000}\n");

        var answer = (await (await app.Upload(csv.ToString())).ReadAsJsonAsync<UploadAnswer>())!;

        (answer.Taken, answer.Skipped.Count).ShouldBe((ReportUploading.MaxRows, 0));
        (await (await app.Upload(csv.ToString())).ReadAsJsonAsync<UploadAnswer>())!.Taken.ShouldBe(0);
    }

    [Fact]
    public async Task Rebuilding_the_problems_read_models_reads_past_a_long_run_of_inbox_events()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = new System.Text.StringBuilder("reference,received,category,description,location\n");
        for (var i = 0; i < 6_000; i++) csv.Append($"{run}-{i},2026-11-12,Graffiti,Tag {i},Hitchin Road\n");
        (await (await app.Upload(csv.ToString())).ReadAsJsonAsync<UploadAnswer>())!.Taken.ShouldBe(6_000);
        var after = await app.ReportProblem(ReportBody($"Reported after a run of reports {run}"));

        await Octans.Api.Problems.ProblemReadModels.RebuildAsync(app.OwnerStore, CancellationToken.None);

        (await app.Details(after.Id)).Title.ShouldBe($"Reported after a run of reports {run}");
    }
}
