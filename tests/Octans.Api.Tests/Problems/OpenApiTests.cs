using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed partial class OpenApiTests(AppFixture app)
{
    // The HTTP routes of API.md, the contract other tools are written against. The health probes are left out:
    // they are answered by ASP.NET health checks, which the OpenAPI generator does not see.
    private static readonly string[] Contract =
    [
        "POST /api/auth/token",
        "POST /api/auth/sign-out",
        "POST /api/auth/password",
        "POST /api/auth/password-reset",
        "POST /api/users/{id}/password-reset",
        "POST /api/problems",
        "GET /api/problems",
        "GET /api/problems/{id}",
        "GET /api/problems/{id}/timeline",
        "POST /api/problems/{id}/details",
        "POST /api/problems/{id}/actions",
        "POST /api/problems/{id}/actions/{actionId}/complete",
        "POST /api/problems/{id}/actions/{actionId}/reopen",
        "POST /api/problems/{id}/actions/{actionId}/cancel",
        "POST /api/problems/{id}/actions/{actionId}/reassign",
        "POST /api/problems/{id}/actions/{actionId}/reschedule",
        "POST /api/problems/{id}/notes",
        "POST /api/problems/{id}/criteria",
        "POST /api/problems/{id}/criteria/{criterionId}/met",
        "POST /api/problems/{id}/reviews",
        "POST /api/problems/{id}/recurrences",
        "POST /api/problems/{id}/advance",
        "POST /api/problems/{id}/revert",
        "POST /api/problems/{id}/close",
        "POST /api/problems/{id}/reopen",
        "GET /api/areas",
        "GET /api/categories",
        "GET /api/teams",
        "GET /api/teams/{teamId}/actions",
        "GET /api/dashboard",
        "POST /api/reports/monthly",
        "GET /api/reports/jobs/{jobId}",
        "GET /api/reports",
        "GET /api/reports/{id}/pdf",
    ];

    [Fact]
    public async Task Every_route_of_the_contract_that_Octans_serves_is_in_the_OpenAPI_document()
    {
        var served = Contract.Select(Normalised).Intersect(Registered(wolverineOnly: false)).ToList();

        served.ShouldContain("GET /api/problems");
        served.ShouldContain("GET /api/problems/{}/timeline");
        served.ShouldContain("GET /api/teams/{}/actions");
        served.ShouldContain("GET /api/dashboard");
        served.Except(await Documented()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_endpoint_of_the_API_is_in_the_OpenAPI_document() =>
        Registered(wolverineOnly: true).Except(await Documented()).ShouldBeEmpty();

    [Theory]
    [InlineData("/api/problems", "ProblemListPage")]
    [InlineData("/api/problems/{id}/timeline", "TimelineEntry")]
    [InlineData("/api/teams/{teamId}/actions", "TeamTaskView")]
    [InlineData("/api/dashboard", "DashboardView")]
    public async Task A_read_route_documents_the_shape_of_its_answer(string path, string schema)
    {
        using var document = await Document();

        var ok = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200");

        ok.GetProperty("content").GetProperty("application/json").GetRawText().ShouldContain($"#/components/schemas/{schema}");
        document.RootElement.GetProperty("components").GetProperty("schemas").TryGetProperty(schema, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_problem_list_documents_its_filters_by_the_names_the_contract_uses()
    {
        using var document = await Document();

        var list = document.RootElement.GetProperty("paths").GetProperty("/api/problems").GetProperty("get");

        list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["phase", "category", "teamId", "rag", "overdue", "q", "area", "status", "page", "pageSize", "near", "within", "sort"], ignoreOrder: true);
        list.GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_interactive_API_page_is_served_without_signing_in()
    {
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/docs");
            s.StatusCodeShouldBe(302);
            s.Header("Location").SingleValueShouldEqual("docs/");
        });
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/docs/");
            s.StatusCodeShouldBeOk();
        });

        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("text/html");
        var page = await result.ReadAsTextAsync();
        page.ShouldContain("Octans API");
        page.ShouldContain("\"url\":\"openapi/v1.json\"");
    }

    private async Task<JsonDocument> Document()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBeOk();
        });
        return JsonDocument.Parse(await result.ReadAsTextAsync());
    }

    private async Task<HashSet<string>> Documented()
    {
        using var document = await Document();
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => Normalised($"{operation.Name.ToUpperInvariant()} {path.Name}")))
            .ToHashSet();
    }

    // Read from the app's own endpoints, so a route added later is held to the same rule without touching this test.
    private HashSet<string> Registered(bool wolverineOnly) =>
        app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !wolverineOnly || e.Metadata.GetMetadata<HttpChain>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => Normalised($"{method} /{e.RoutePattern.RawText?.TrimStart('/')}")))
            .ToHashSet();

    private static string Normalised(string route) => RouteParameter().Replace(route, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
