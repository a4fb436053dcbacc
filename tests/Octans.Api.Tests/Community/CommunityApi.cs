using Alba;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Community;

/// <summary>The calls the community tests make: writes as a coordinator or an administrator, reads as nobody at all.</summary>
public static class CommunityApi
{
    public static async Task<int> WritePublicUpdate(this AppFixture app, Guid problemId, int version, string text) =>
        await (await app.Post(Coordinator, $"/api/problems/{problemId}/public-updates", new { version, text })).NewVersion();

    public static async Task<int> MarkSensitive(this AppFixture app, Guid problemId, int version, bool sensitive = true) =>
        await (await app.Post(Coordinator, $"/api/problems/{problemId}/sensitivity", new { version, sensitive })).NewVersion();

    /// <summary>A category of the test's own, so marking it sensitive touches no other test's problems.</summary>
    public static async Task<string> GivenCategory(this AppFixture app, bool sensitive = false)
    {
        var name = $"Outreach place {Guid.NewGuid():N}"[..40];
        await app.Post(ProblemsApi.Admin, "/api/categories", new { name, sensitive }, 201);
        return name;
    }

    /// <summary>Reads a public address without signing in.</summary>
    public static async Task<IScenarioResult> Public(this AppFixture app, string url, int status = 200) =>
        await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

    public static async Task<string> PublicText(this AppFixture app, string url) => await (await app.Public(url)).ReadAsTextAsync();

    public static string ThisMonth(this AppFixture app) => PackMonth.Of(app.Clock.GetUtcNow()).ToString();

    public static string Today(this AppFixture app, string format) => London.Today(app.Clock.GetUtcNow()).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
