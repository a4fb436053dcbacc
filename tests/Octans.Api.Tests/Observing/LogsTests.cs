using Alba;
using Octans.Api.Intake.Keys;
using Octans.Api.Tests.Problems;
using static Octans.Api.Tests.Inbox.InboxApi;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Observing;

[Collection(ApiCollection.Name)]
public sealed class LogsTests(AppFixture app)
{
    [Fact]
    public async Task What_people_write_and_who_they_are_reach_no_log_line_at_any_level()
    {
        var marker = $"Marker{Guid.NewGuid():N}";
        var email = $"{marker.ToLowerInvariant()}@example.com";
        var key = (await (await app.Post(ProblemsApi.Admin, "/api/intake/keys", new { sender = "FixMyStreet", area = "HT" }, 201)).ReadAsJsonAsync<KeyCreated>())!;
        var before = app.Logs.Lines.Count;

        using (app.Logs.Everything())
        {
            var problem = await app.ReportProblem(new
            {
                title = $"Lights out {marker}", statement = $"Dark for weeks, says {marker}.", category = "Street lighting", area = "High Town",
                risk = "High", location = new { description = $"Wenlock Street {marker}", latitude = 51.8842, longitude = -0.4141 },
            });
            var noted = await app.Post(Coordinator, $"/api/problems/{problem.Id}/notes", new { version = problem.Version, text = $"Met {marker} on site." });
            await app.Post(Coordinator, $"/api/problems/{problem.Id}/details", new { version = await noted.NewVersion(), statement = $"Still dark, {marker}." });
            await app.TakeReport(description: $"Caller {marker} says the lights are out.");
            await app.Host.Scenario(s =>
            {
                s.Post.FormData(new Dictionary<string, string>
                {
                    ["api_key"] = key.ApiKey, ["service_code"] = "street-lighting", ["lat"] = "51.8843", ["long"] = "-0.4142",
                    ["description"] = $"Column 14 is dark, {marker}.", ["email"] = email, ["first_name"] = marker, ["last_name"] = marker,
                }).ToUrl("/open311/v2/requests.json");
                s.StatusCodeShouldBeOk();
            });
            await app.Host.Scenario(s =>
            {
                s.Post.Json(new { email, password = "not-the-password" }).ToUrl("/api/auth/token");
                s.StatusCodeShouldBe(401);
            });
            var known = await app.CreateUser(Api.SigningIn.Role.Coordinator, "a-good-long-password");
            await app.Host.Scenario(s =>
            {
                s.Post.Json(new { email = known.Email, password = "not-the-password" }).ToUrl("/api/auth/token");
                s.StatusCodeShouldBe(401);
            });

            var heard = app.Logs.Lines.Skip(before).ToList();
            heard.ShouldContain(line => line.StartsWith("Debug"), "the log was not heard at Debug");
            heard.ShouldAllBe(line => !line.Contains(marker, StringComparison.OrdinalIgnoreCase) && !line.Contains(email) && !line.Contains(known.Email));
        }
    }
}
