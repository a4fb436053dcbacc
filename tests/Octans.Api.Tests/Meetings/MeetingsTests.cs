using Alba;
using Octans.Api.Meetings;
using Octans.Api.Meetings.Arranging;
using Octans.Api.Meetings.GettingDetails;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Meetings;

[Collection(ApiCollection.Name)]
public sealed class MeetingsTests(AppFixture app)
{
    [Fact]
    public async Task A_meeting_s_agenda_says_why_each_problem_is_there()
    {
        var fresh = await app.ReportProblem(MeetingsApi.Unpinned("Needles by the Brunswick Street steps"));
        var reviewed = await app.ReportProblem(MeetingsApi.Unpinned("Dumped sofas in Burr Street alley"));
        var version = await (await app.Post(Coordinator, $"/api/problems/{reviewed.Id}/reviews", new
        {
            version = reviewed.Version, meetingOn = app.Today().AddDays(-1), rag = "Amber", decision = "Clear it this week.",
            nextReviewOn = app.Today().AddMonths(2),
        })).NewVersion();
        await app.Post(Coordinator, $"/api/problems/{reviewed.Id}/recurrences",
            new { version, observedOn = app.Today(), description = "Two more sofas dumped." });

        var meeting = await app.Meeting(await app.Arrange("Tasking", app.Today()));

        meeting.Kind.ShouldBe(MeetingKind.Tasking);
        meeting.Items.Single(i => i.ProblemId == fresh.Id).Why.ShouldBe([AgendaReason.NewProblem]);
        meeting.Items.Single(i => i.ProblemId == reviewed.Id).Why.ShouldBe([AgendaReason.RecurredSinceLastReview]);
        (await app.Meetings()).ShouldContain(m => m.Id == meeting.Id && m.HeldOn == app.Today());
    }

    [Fact]
    public async Task A_report_in_the_inbox_near_a_problem_puts_it_on_the_agenda()
    {
        var place = new { description = "Car park behind Hitchin Road", latitude = 51.9307, longitude = -0.3807, ward = "High Town" };
        var problem = await app.ReportProblem(new
        {
            title = "Cars broken into behind Hitchin Road", statement = "Windows smashed most weekends.", category = "Street lighting",
            area = "High Town", risk = "Medium", location = place,
        });
        var before = await app.Meeting(await app.Arrange("Tasking", app.Today()));
        before.Items.Single(i => i.ProblemId == problem.Id).Why.ShouldBe([AgendaReason.NewProblem]);

        await app.Post(Coordinator, "/api/inbox", new
        {
            area = "High Town", category = "Street lighting", description = "Another car window smashed last night.",
            location = new { description = "Hitchin Road car park", latitude = 51.9308, longitude = -0.3806 },
        }, 201);

        var meeting = await app.Meeting(await app.Arrange("Tasking", app.Today()));
        meeting.Items.Single(i => i.ProblemId == problem.Id).Why.ShouldBe([AgendaReason.NewReportsNearby, AgendaReason.NewProblem]);
    }

    [Fact]
    public async Task A_decision_is_a_review_on_the_problem_and_a_line_in_the_minutes()
    {
        var problem = await app.ReportProblem(MeetingsApi.Unpinned("Dark alley behind Wenlock Street"));
        var id = await app.Arrange("Pathways", app.Today());

        var result = await app.Post(Coordinator, $"/api/meetings/{id}/decisions", new
        {
            problemId = problem.Id, version = problem.Version, rag = "Green", decision = "Lights repaired; move to Hold.",
            nextReviewOn = app.Today().AddMonths(3).ToString("yyyy-MM-dd"),
        });

        (await result.NewVersion()).ShouldBe(problem.Version + 1);
        var review = (await app.Details(problem.Id)).Reviews.ShouldHaveSingleItem();
        (review.MeetingOn, review.Rag, review.Decision, review.NextReviewOn).ShouldBe(
            (app.Today(), Rag.Green, "Lights repaired; move to Hold.", (DateOnly?)app.Today().AddMonths(3)));
        var meeting = await app.Meeting(id);
        var decision = meeting.Decisions.ShouldHaveSingleItem();
        (decision.ProblemId, decision.Rag, decision.Decision, decision.By).ShouldBe((problem.Id, Rag.Green, "Lights repaired; move to Hold.", "Sam Coordinator"));
        meeting.Items.Single(i => i.ProblemId == problem.Id).Decided.ShouldBeTrue();
        (await app.Meetings()).Single(m => m.Id == id).Decisions.ShouldBe(1);

        var json = await app.Raw($"/api/meetings/{id}");
        foreach (var field in new[] { "\"id\"", "\"area\"", "\"kind\":\"Pathways\"", "\"heldOn\"", "\"items\"", "\"problemId\"", "\"reference\"", "\"title\"",
                     "\"phase\"", "\"rag\"", "\"why\":[\"NewProblem\"]", "\"decisions\"", "\"decision\"", "\"nextReviewOn\"", "\"by\"" })
            json.ShouldContain(field);
    }

    [Fact]
    public async Task A_decision_with_a_stale_version_is_a_409_and_stores_nothing()
    {
        var problem = await app.ReportProblem(MeetingsApi.Unpinned("Graffiti on the Hitchin Road underpass"));
        var id = await app.Arrange("Tasking", app.Today());

        var result = await app.Post(Coordinator, $"/api/meetings/{id}/decisions",
            new { problemId = problem.Id, version = problem.Version + 5, rag = "Red", decision = "Back to Clear." }, 409);

        (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!.Extensions["currentVersion"]!.ToString().ShouldBe(problem.Version.ToString());
        (await app.Details(problem.Id)).Reviews.ShouldBeEmpty();
        (await app.Meeting(id)).Decisions.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_meeting_in_the_past_with_no_decisions_is_a_400_and_is_not_made()
    {
        var before = (await app.Meetings()).Count;

        var result = await app.Post(Coordinator, "/api/meetings",
            new { area = "High Town", kind = "Pathways", heldOn = app.Today().AddDays(-1).ToString("yyyy-MM-dd") }, 400);

        (await result.Errors()).Keys.ShouldBe(["heldOn"]);
        (await app.Meetings()).Count.ShouldBe(before);
    }

    [Theory]
    [InlineData("Nowhere", "Tasking", "today", "area")]
    [InlineData("High Town", "Weekly", "today", "kind")]
    [InlineData("High Town", "Tasking", "next week", "heldOn")]
    [InlineData("High Town", "Tasking", null, "heldOn")]
    public async Task A_meeting_with_bad_answers_is_a_400_naming_the_field(string area, string kind, string? heldOn, string field)
    {
        var body = heldOn is null ? (object)new { area, kind } : new { area, kind, heldOn = heldOn == "today" ? app.Today().ToString("yyyy-MM-dd") : heldOn };
        (await (await app.Post(Coordinator, "/api/meetings", body, 400)).Errors()).Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task A_decision_before_the_day_of_the_meeting_is_a_400_and_stores_nothing()
    {
        var problem = await app.ReportProblem(MeetingsApi.Unpinned("Broken fence at Dunstable Place"));
        var id = await app.Arrange("Tasking", app.Today().AddDays(1));

        var result = await app.Post(Coordinator, $"/api/meetings/{id}/decisions",
            new { problemId = problem.Id, version = problem.Version, rag = "Red", decision = "Back to Clear." }, 400);

        (await result.Errors()).Keys.ShouldBe(["heldOn"]);
        (await app.Details(problem.Id)).Reviews.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dropped_problem_leaves_the_agenda_and_cannot_be_decided_until_it_is_added_again()
    {
        var problem = await app.ReportProblem(MeetingsApi.Unpinned("Overgrown path by Old Bedford Road"));
        var id = await app.Arrange("Tasking", app.Today());

        await app.Post(Coordinator, $"/api/meetings/{id}/items/{problem.Id}/drop", new { }, 204);
        (await app.Meeting(id)).Items.ShouldNotContain(i => i.ProblemId == problem.Id);
        var refused = await app.Post(Coordinator, $"/api/meetings/{id}/decisions",
            new { problemId = problem.Id, version = problem.Version, rag = "Amber", decision = "Cut back." }, 400);
        (await refused.Errors()).Keys.ShouldBe(["problemId"]);
        (await app.Details(problem.Id)).Reviews.ShouldBeEmpty();

        await app.Post(Coordinator, $"/api/meetings/{id}/items", new { problemId = problem.Id }, 204);
        (await app.Meeting(id)).Items.Single(i => i.ProblemId == problem.Id).Why.ShouldBe([AgendaReason.NewProblem, AgendaReason.Added]);
        await app.Post(Coordinator, $"/api/meetings/{id}/items", new { problemId = problem.Id }, 400);
    }

    [Fact]
    public async Task A_decided_problem_cannot_be_dropped_or_decided_again()
    {
        var problem = await app.ReportProblem(MeetingsApi.Unpinned("Abandoned car on Havelock Road"));
        var id = await app.Arrange("Tasking", app.Today());
        var version = await (await app.Post(Coordinator, $"/api/meetings/{id}/decisions",
            new { problemId = problem.Id, version = problem.Version, rag = "Amber", decision = "Ask for removal." })).NewVersion();

        await app.Post(Coordinator, $"/api/meetings/{id}/items/{problem.Id}/drop", new { }, 400);
        await app.Post(Coordinator, $"/api/meetings/{id}/decisions",
            new { problemId = problem.Id, version, rag = "Red", decision = "Again." }, 400);
        (await app.Details(problem.Id)).Reviews.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_unknown_meeting_is_a_404()
    {
        var problem = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/meetings/{Guid.NewGuid()}/decisions",
            new { problemId = problem.Id, version = problem.Version, rag = "Red", decision = "Back to Clear." }, 404);
        await app.Post(Coordinator, $"/api/meetings/{Guid.NewGuid()}/items", new { problemId = problem.Id }, 404);
    }

    [Fact]
    public async Task The_minutes_download_as_a_pdf()
    {
        var problem = await app.ReportProblem(MeetingsApi.Unpinned("Drug litter on Cardigan Street"));
        var id = await app.Arrange("Pathways", app.Today());
        await app.Post(Coordinator, $"/api/meetings/{id}/decisions",
            new { problemId = problem.Id, version = problem.Version, rag = "Red", decision = "Needle sweep twice a week." });
        var token = await app.TokenFor(Councillor);

        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/meetings/{id}/minutes.pdf");
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("application/pdf");
        });

        using var body = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(body);
        var pdf = body.ToArray();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        result.Context.Response.Headers.ContentDisposition.ToString().ShouldContain($"octans-high-town-pathways-{app.Today():yyyy-MM-dd}-minutes.pdf");
    }
}

internal static class MeetingsApi
{
    /// <summary>A report with no pin, so reports other tests leave in the inbox near the usual pin never reach its agenda.</summary>
    public static object Unpinned(string title) => new
    {
        title,
        statement = "Residents say the place has been a problem for weeks.",
        category = "Street lighting",
        area = "High Town",
        risk = "High",
        location = new { description = "Wenlock Street, between Brunswick Street and Burr Street", ward = "High Town" },
    };

    public static async Task<Guid> Arrange(this AppFixture app, string kind, DateOnly heldOn)
    {
        var result = await app.Post(Coordinator, "/api/meetings", new { area = "High Town", kind, heldOn = heldOn.ToString("yyyy-MM-dd") }, 201);
        return (await result.ReadAsJsonAsync<MeetingArrangedResponse>())!.Id;
    }

    public static async Task<MeetingView> Meeting(this AppFixture app, Guid id) => (await app.Get<MeetingView>($"/api/meetings/{id}"))!;

    public static async Task<List<MeetingSummary>> Meetings(this AppFixture app) => (await app.Get<List<MeetingSummary>>("/api/meetings?area=High%20Town"))!;

    public static async Task<string> Raw(this AppFixture app, string url)
    {
        var token = await app.TokenFor(Coordinator);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
        return result.ReadAsText();
    }

    private static async Task<T?> Get<T>(this AppFixture app, string url)
    {
        var token = await app.TokenFor(Coordinator);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
        return await result.ReadAsJsonAsync<T>();
    }
}
