using Alba;
using Octans.Api.Problems.GettingDetails;
using Octans.Api.Problems.Reporting;

namespace Octans.Api.Tests.Problems;

/// <summary>The calls most problem tests make, written once.</summary>
public static class ProblemsApi
{
    public const string Coordinator = "coordinator@octans.test";
    public const string Lighting = "lighting@octans.test";
    public const string Streets = "streets@octans.test";
    public const string Councillor = "councillor@octans.test";
    public const string Admin = "admin@octans.test";

    public static object ReportBody(string title = "Street lights out on Wenlock Street") => new
    {
        title,
        statement = "Three columns between Brunswick Street and Burr Street have been dark for two weeks; residents avoid the stretch after dusk.",
        category = "Street lighting",
        area = "High Town",
        risk = "High",
        location = new { description = "Wenlock Street, between Brunswick Street and Burr Street", latitude = 51.8842, longitude = -0.4141, usrn = "12345678", ward = "High Town" },
    };

    public static async Task<ProblemCreated> ReportProblem(this AppFixture app, object? body = null)
    {
        var token = await app.TokenFor(Coordinator);
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(body ?? ReportBody()).ToUrl("/api/problems");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(201);
        });
        return (await result.ReadAsJsonAsync<ProblemCreated>())!;
    }

    public static async Task<ProblemDetailsView> Details(this AppFixture app, Guid id, string email = Coordinator)
    {
        var token = await app.TokenFor(email);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/problems/{id}");
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<ProblemDetailsView>())!;
    }

    /// <summary>Posts a write as <paramref name="email"/> and checks the status code it answers with.</summary>
    public static async Task<IScenarioResult> Post(this AppFixture app, string email, string url, object body, int status = 200)
    {
        var token = await app.TokenFor(email);
        return await app.Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });
    }
}
