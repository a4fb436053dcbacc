using Alba;
using Marten;
using Microsoft.AspNetCore.Http;
using Octans.Api.Problems.Reporting;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class ReportingTests(AppFixture app)
{
    [Fact]
    public async Task A_coordinator_reports_a_problem_and_gets_its_reference_location_and_version()
    {
        var token = await app.TokenFor(Coordinator);
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(ReportBody()).ToUrl("/api/problems");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(201);
        });

        var created = (await result.ReadAsJsonAsync<ProblemCreated>())!;
        created.Reference.ShouldMatch(@"^HT-\d{4}$");
        created.Version.ShouldBe(1);
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/problems/{created.Id}");

        var details = await app.Details(created.Id);
        details.Reference.ShouldBe(created.Reference);
        details.Title.ShouldBe("Street lights out on Wenlock Street");
        details.Area.ShouldBe("High Town");
        details.Phase.ShouldBe(Phase.Clear);
        details.Status.ShouldBe(ProblemStatus.Open);
        details.Risk.ShouldBe(Risk.High);
        details.Location.Usrn.ShouldBe("12345678");
        details.ReportedBy.ShouldBe("Sam Coordinator");
        details.PhaseHistory.Single().Phase.ShouldBe(Phase.Clear);
    }

    [Fact]
    public async Task The_area_may_be_given_by_its_code()
    {
        var created = await app.ReportProblem(new
        {
            title = "Fly-tipping behind North Street shops", statement = "Bags and a mattress dumped weekly.", category = "Fly-tipping",
            area = "HT", risk = "Medium", location = new { description = "Service road behind North Street shops" },
        });
        (await app.Details(created.Id)).Area.ShouldBe("High Town");
    }

    [Fact]
    public async Task Fifty_problems_reported_at_once_get_fifty_distinct_consecutive_references()
    {
        var created = await Task.WhenAll(Enumerable.Range(1, 50).Select(n => app.ReportProblem(ReportBody($"Concurrent report {n}"))));

        var numbers = created.Select(c => int.Parse(c.Reference["HT-".Length..])).Order().ToList();
        numbers.Distinct().Count().ShouldBe(50);
        (numbers[^1] - numbers[0]).ShouldBe(49);
        await using var session = app.Store.QuerySession();
        var stored = await session.Query<Problem>().Where(p => p.Title.StartsWith("Concurrent report")).Select(p => p.Reference).ToListAsync();
        stored.Order().ShouldBe(created.Select(c => c.Reference).Order());
    }

    [Fact]
    public async Task Every_mistake_in_a_report_is_named_in_one_answer_and_nothing_is_stored()
    {
        await using var before = app.Store.QuerySession();
        var count = await before.Query<Problem>().CountAsync();

        var result = await app.Post(Coordinator, "/api/problems", new
        {
            title = new string('x', 121), statement = "", category = "Potholes", area = "Atlantis", risk = "Catastrophic",
            location = new { description = "Somewhere", latitude = 40.7, longitude = -74.0 },
        }, 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBeSubsetOf(["title", "statement", "category", "area", "risk", "location.latitude", "location.longitude", "location"]);
        problem.Errors.Keys.ShouldContain("title");
        problem.Errors.Keys.ShouldContain("area");
        await using var after = app.Store.QuerySession();
        (await after.Query<Problem>().CountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task An_unknown_area_and_category_are_400s_that_say_what_to_choose()
    {
        var result = await app.Post(Coordinator, "/api/problems", new
        {
            title = "Graffiti on the railway bridge", statement = "Tags reappear every week.", category = "Potholes", area = "Atlantis", risk = "Low",
            location = new { description = "Railway bridge, Midland Road" },
        }, 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors["area"].Single().ShouldContain("Atlantis");
        problem.Errors["category"].Single().ShouldContain("Potholes");
    }

    [Fact]
    public async Task Personal_data_in_a_statement_is_refused_because_Octans_records_places_not_people()
    {
        var result = await app.Post(Coordinator, "/api/problems", new
        {
            title = "Noise from a flat", statement = "Call the tenant on 07700 900123 about it.", category = "Other", area = "High Town", risk = "Low",
            location = new { description = "Old Bedford Road" },
        }, 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors["statement"].Single().ShouldContain("places, not people");
    }

    [Fact]
    public async Task An_email_address_given_as_the_ward_is_refused_and_named()
    {
        var result = await app.Post(Coordinator, "/api/problems", new
        {
            title = "Bins on the verge", statement = "Bags left by the bus stop.", category = "Other", area = "High Town", risk = "Low",
            location = new { description = "Old Bedford Road", ward = "jo (at) example (dot) com" },
        }, 400);

        var problem = (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["location.ward"]);
        problem.Errors["location.ward"].Single()
            .ShouldBe("Octans records places, not people: remove the email address from the ward.");
    }

    [Theory]
    [InlineData(Lighting)]
    [InlineData(Councillor)]
    [InlineData(ProblemsApi.Admin)]
    public async Task Only_a_coordinator_may_report_a_problem(string email) =>
        await app.Post(email, "/api/problems", ReportBody(), 403);

    [Fact]
    public async Task Reporting_needs_a_token() =>
        await app.Host.Scenario(s => { s.Post.Json(ReportBody()).ToUrl("/api/problems"); s.StatusCodeShouldBe(401); });
}
