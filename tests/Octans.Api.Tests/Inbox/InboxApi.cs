using System.Net.Http.Json;
using Alba;
using Octans.Api.Inbox;
using Octans.Api.Inbox.Taking;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Inbox;

/// <summary>The calls the inbox and Open311 tests make, written once.</summary>
public static class InboxApi
{
    /// <summary>A pin a few metres from the problem ProblemsApi.ReportBody reports.</summary>
    public static object Place(string description = "Wenlock Street by column 14", double latitude = 51.8843, double longitude = -0.4142) =>
        new { description, latitude, longitude };

    public static async Task<Guid> TakeReport(this AppFixture app, string description = "Caller says the street lights are out again.", object? location = null,
        string email = Coordinator)
    {
        var result = await app.Post(email, "/api/inbox",
            new { area = "High Town", category = "Street lighting", description, location = location ?? Place(), source = "Phone" }, 201);
        return (await result.ReadAsJsonAsync<ReportTaken>())!.Id;
    }

    public static async Task<InboxPage> Inbox(this AppFixture app, string query = "area=HT")
    {
        var token = await app.TokenFor(Coordinator);
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"/api/inbox?{query}");
            s.WithBearerToken(token);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<InboxPage>())!;
    }

    public static async Task<InboxItem> InboxItem(this AppFixture app, Guid id, string? area = null) =>
        (await app.Inbox($"{(area is null ? "" : $"area={area}&")}pageSize=100")).Items.Single(i => i.Id == id);

    public static async Task<IScenarioResult> Upload(this AppFixture app, string csv, string area = "HT", int status = 200)
    {
        var token = await app.TokenFor(Coordinator);
        return await app.Host.Scenario(s =>
        {
            s.Post.Text(csv).ToUrl("/api/inbox/upload").QueryString("area", area);
            s.WithRequestHeader("Content-Type", "text/csv");
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });
    }
}
