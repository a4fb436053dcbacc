using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Octans.Testing;

namespace Octans.Api.Tests.Operations;

/// <summary>
/// The app killed with SIGKILL and started again on the same database: what was acknowledged is kept, and a write sent
/// again with its Idempotency-Key, as a phone does when the answer never came, gets the first answer and is applied once.
/// ops/chaos does the same under a 32-client load.
/// </summary>
public sealed class CrashTests
{
    [Fact]
    public async Task After_a_kill_and_a_restart_acknowledged_writes_are_kept_and_writes_sent_again_are_applied_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await OctansProcess.ServeAsync(database.ConnectionString);
        var (report, note) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        JsonElement reported, noted;
        await using (first)
        {
            using var http = await SignedInAsync(first);
            reported = await PostAsync(http, "/api/problems", report, ReportBody, HttpStatusCode.Created);
            noted = await PostAsync(http, $"/api/problems/{reported.GetProperty("id")}/notes", note,
                new { version = reported.GetProperty("version").GetInt32(), text = "Lamp column 7 still dark." }, HttpStatusCode.OK);
            await first.KillAsync();
        }

        await using var second = await OctansProcess.ServeAsync(database.ConnectionString);
        using (var http = await SignedInAsync(second))
        {
            (await PostAsync(http, "/api/problems", report, ReportBody, HttpStatusCode.Created)).GetRawText().ShouldBe(reported.GetRawText());
            (await PostAsync(http, $"/api/problems/{reported.GetProperty("id")}/notes", note,
                new { version = reported.GetProperty("version").GetInt32(), text = "Lamp column 7 still dark." }, HttpStatusCode.OK))
                .GetRawText().ShouldBe(noted.GetRawText());
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) filter (where type = 'problem_reported' and data->>'title' = @title), count(*) filter (where type = 'note_added') " +
            "from octans.mt_events where stream_id = @id", connection);
        count.Parameters.AddWithValue("title", Title);
        count.Parameters.AddWithValue("id", reported.GetProperty("id").GetGuid());
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        (reader.GetInt64(0), reader.GetInt64(1)).ShouldBe((1L, 1L));
    }

    private const string Title = "Dark alleyway behind Wellington Street after the crash";

    private static readonly object ReportBody = new
    {
        title = Title, statement = "No lighting at all after 6pm.", category = "Alleyway", area = "High Town", risk = "High",
        location = new { description = "Alley between Wellington Street and Burr Street" },
    };

    private static async Task<HttpClient> SignedInAsync(OctansProcess octans)
    {
        var http = new HttpClient { BaseAddress = octans.Address, Timeout = TimeSpan.FromSeconds(30) };
        for (var tries = 0; ; tries++)
        {
            using var answer = await http.PostAsJsonAsync("/api/auth/token", new { email = "coordinator@octans.test", password = "octans-demo" });
            if (answer.IsSuccessStatusCode)
            {
                var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return http;
            }
            // 503 until the database is ready and the demo accounts are seeded.
            if (tries > 300) throw new TimeoutException($"Could not sign in: {answer.StatusCode}\n{octans.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string url, string key, object body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var answer = await http.SendAsync(request);
        answer.StatusCode.ShouldBe(expected, await answer.Content.ReadAsStringAsync());
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }
}
