using Alba;
using Octans.Api.Demo;
using Octans.Api.Tests.Reports;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Operations;

/// <summary>Answers that hold the partnership's records are never kept by a browser or a proxy: API.md version 2.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoStoreTests(AppFixture app)
{
    [Theory]
    [InlineData("/api/teams", 200)]
    [InlineData("/api/problems?pageSize=1", 200)]
    [InlineData("/api/no-such-route", 404)]
    [InlineData("/open311/v2/discovery.json", null)]
    public async Task Every_answer_under_api_and_open311_says_no_store(string url, int? status)
    {
        var token = await app.TokenFor(Coordinator);
        var signedIn = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            if (status is { } expected) s.StatusCodeShouldBe(expected);
            else s.IgnoreStatusCode();
        });
        var anonymous = await app.Host.Scenario(s => { s.Get.Url(url); s.IgnoreStatusCode(); });

        signedIn.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        anonymous.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
    }

    [Fact]
    public async Task A_pack_downloaded_from_the_api_or_the_pages_says_no_store()
    {
        var (area, _, _) = await app.CreateAreaAsync();
        var status = await app.WaitForJob(await app.RequestPack(area.Name, "2026-10"));
        var token = await app.TokenFor(Councillor);
        var fromApi = await app.Host.Scenario(s => { s.Get.Url($"/api/reports/{status.ReportId}/pdf"); s.WithBearerToken(token); s.StatusCodeShouldBeOk(); });
        var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, Councillor, DemoAccounts.DefaultPassword));
        var fromPage = await app.Host.Scenario(s => { s.Get.Url($"/packs/{status.ReportId}"); s.WithRequestHeader("Cookie", cookie); s.StatusCodeShouldBeOk(); });

        foreach (var download in new[] { fromApi, fromPage })
        {
            download.Context.Response.ContentType.ShouldBe("application/pdf");
            download.Context.Response.Headers.CacheControl.ToString().ShouldBe("no-store");
        }
    }
}
