using System.Text.RegularExpressions;
using Alba;
using Octans.Api.Demo;
using Octans.Api.ReferenceData;
using Octans.Api.Tests.Operations;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>
/// Pages that are not there answer 404 with the pages' own "Page not found", the API keeps its problem bodies, and a
/// sensitive problem's page is, to someone who may not see it, the very same page as a problem that does not exist.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PageNotFoundTests(AppFixture app)
{
    [Fact]
    public async Task A_sensitive_problem_s_pages_look_to_a_stranger_exactly_like_those_of_a_problem_that_does_not_exist()
    {
        var problem = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/problems/{problem.Id}/sensitivity",
            new { version = problem.Version, sensitive = true, teams = new[] { Team.HighTownPolice.Id } });
        var streets = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, Streets, DemoAccounts.DefaultPassword));
        var coordinator = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, Coordinator, DemoAccounts.DefaultPassword));

        foreach (var page in new[] { "", "/advance", "/plan-action", "/title" })
        {
            var hidden = await PageAsync($"/problems/{problem.Id}{page}", streets);
            var missing = await PageAsync($"/problems/{Guid.NewGuid()}{page}", streets);

            (hidden.Status, missing.Status).ShouldBe((404, 404), page);
            // The sign-out form's anti-forgery token is new on every page; all else must be the same.
            WithoutToken(hidden.Body).ShouldBe(WithoutToken(missing.Body), page);
            hidden.Body.ShouldContain("<h1 class=\"govuk-heading-l\">Page not found</h1>");
            hidden.Body.ShouldContain("<title>Page not found ");
        }
        (await PageAsync($"/problems/{problem.Id}", coordinator)).Status.ShouldBe(200);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/problems/not-a-guid")]
    [InlineData("/problems/0199a000-0000-7000-8000-000000000000/no-such-change")]
    public async Task An_unknown_page_is_a_404_page_not_found_in_the_pages_style(string url)
    {
        var coordinator = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, Coordinator, DemoAccounts.DefaultPassword));

        var (status, type, body) = await PageAsync(url, coordinator);

        status.ShouldBe(404);
        type.ShouldStartWith("text/html");
        body.ShouldContain("Page not found");
        body.ShouldContain("octans-header");
    }

    [Fact]
    public async Task An_unknown_api_route_keeps_its_problem_body_whatever_the_caller_accepts()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/no-such-route");
            s.WithRequestHeader("Accept", "text/html");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await result.ReadAsTextAsync()).ShouldNotContain("Page not found");
    }

    [Fact]
    public async Task The_status_page_keeps_its_status_and_anything_else_is_the_service_problem_page()
    {
        (await PageAsync("/status/500", null)).ShouldSatisfyAllConditions(
            page => page.Status.ShouldBe(500),
            page => page.Body.ShouldContain("Sorry, there is a problem with the service"));
        (await PageAsync("/status/404", null)).Status.ShouldBe(404);
        (await PageAsync("/status/200", null)).Status.ShouldBe(404);
    }

    private static string WithoutToken(string page) =>
        Regex.Replace(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "");

    private async Task<(int Status, string Type, string Body)> PageAsync(string url, string? cookie)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", "text/html");
            if (cookie is not null) s.WithRequestHeader("Cookie", cookie);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, result.Context.Response.ContentType ?? "", await result.ReadAsTextAsync());
    }
}
