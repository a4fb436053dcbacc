using System.Text.Json;
using System.Xml.Linq;
using Alba;
using Npgsql;
using Octans.Api.Intake.Keys;
using Octans.Domain;
using static Octans.Api.Tests.Inbox.InboxApi;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Inbox;

/// <summary>Open311 driven as FixMyStreet's client drives it: form-encoded posts with attributes and the reporter's details, XML answers, then the updates call.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311Tests(AppFixture app)
{
    private async Task<KeyCreated> NewKey(string sender = "FixMyStreet")
    {
        var result = await app.Post(Problems.ProblemsApi.Admin, "/api/intake/keys", new { sender, area = "HT" }, 201);
        return (await result.ReadAsJsonAsync<KeyCreated>())!;
    }

    private Task<IScenarioResult> Send(string path, Dictionary<string, string> form, int status = 200) =>
        app.Host.Scenario(s =>
        {
            s.Post.FormData(form).ToUrl(path);
            s.StatusCodeShouldBe(status);
        });

    private Task<IScenarioResult> Get(string url, int status = 200) =>
        app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

    private static Dictionary<string, string> AsFixMyStreetSends(string apiKey, string marker, string fixMyStreetId) => new()
    {
        ["api_key"] = apiKey,
        ["jurisdiction_id"] = "octans.test",
        ["service_code"] = "street-lighting",
        ["lat"] = "51.8843",
        ["long"] = "-0.4142",
        ["description"] = $"title: Lights out\n\ndetail: Column 14 is dark. Ring me on 07700 900{Random.Shared.Next(100, 999)}.\n\nurl: https://fixmystreet.example/report/{fixMyStreetId}\n\nSubmitted via FixMyStreet\n",
        ["first_name"] = $"First{marker}",
        ["last_name"] = $"Last{marker}",
        ["email"] = $"mail{marker}@example.com",
        ["phone"] = $"0{marker[..6]}",
        ["attribute[fixmystreet_id]"] = fixMyStreetId,
        ["attribute[name]"] = $"Name{marker}",
        ["attribute[easting]"] = "509000",
        ["media_url"] = "https://fixmystreet.example/photo/1.full.jpeg",
    };

    [Fact]
    public async Task FixMyStreet_sends_a_report_reads_its_status_and_hears_when_it_is_attached_and_no_reporter_detail_is_kept()
    {
        var key = await NewKey();
        var marker = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString();
        var services = XDocument.Parse(await (await Get("/open311/v2/services.xml")).ReadAsTextAsync());
        services.Root!.Elements("service").Select(s => s.Element("service_code")!.Value).ShouldContain("street-lighting");

        var posted = XDocument.Parse(await (await Send("/open311/v2/requests.xml", AsFixMyStreetSends(key.ApiKey, marker, Guid.NewGuid().ToString("N")[..8]))).ReadAsTextAsync());
        var requestId = posted.Root!.Name.LocalName == "service_requests" ? posted.Root.Element("request")!.Element("service_request_id")!.Value : "";
        Guid.TryParse(requestId, out var reportId).ShouldBeTrue(requestId);

        var request = XDocument.Parse(await (await Get($"/open311/v2/requests/{requestId}.xml")).ReadAsTextAsync()).Root!.Element("request")!;
        (request.Element("status")!.Value, request.Element("service_code")!.Value, request.Element("lat")!.Value).ShouldBe(("open", "street-lighting", "51.8843"));
        var item = await app.InboxItem(reportId);
        item.Source.ShouldBe("Open311: FixMyStreet");
        item.Description.ShouldContain("[phone number removed]");

        var problem = await app.ReportProblem();
        var from = app.Clock.GetUtcNow().AddMinutes(-1);
        await app.Post(Coordinator, $"/api/inbox/{reportId}/attach", new { problemId = problem.Id, version = problem.Version });
        var until = app.Clock.GetUtcNow().AddMinutes(1);
        var updates = XDocument.Parse(await (await Get(
            $"/open311/v2/servicerequestupdates.xml?api_key={Uri.EscapeDataString(key.ApiKey)}&jurisdiction_id=octans.test&start_date={from:yyyy-MM-ddTHH:mm:ssZ}&end_date={until:yyyy-MM-ddTHH:mm:ssZ}")).ReadAsTextAsync());
        var update = updates.Root!.Elements("request_update").Single(u => u.Element("service_request_id")!.Value == requestId);
        (update.Element("status")!.Value, update.Element("update_id")!.Value.Length > 0).ShouldBe(("open", true));
        update.Element("description")!.Value.ShouldContain("problem");

        (await ThePlacesHolding(marker)).ShouldBeEmpty("The reporter's name, email, phone and attributes must be stored nowhere.");
    }

    [Fact]
    public async Task The_same_report_sent_again_is_taken_once_and_answered_with_the_same_id_in_JSON()
    {
        var key = await NewKey("FixMyStreet Pro");
        var id = Guid.NewGuid().ToString("N")[..10];
        var form = AsFixMyStreetSends(key.ApiKey, "123456789012", id);

        var first = JsonDocument.Parse(await (await Send("/open311/v2/requests.json", form)).ReadAsTextAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        var second = JsonDocument.Parse(await (await Send("/open311/v2/requests.json", form)).ReadAsTextAsync()).RootElement[0].GetProperty("service_request_id").GetString();

        second.ShouldBe(first);
        var answer = JsonDocument.Parse(await (await Get($"/open311/v2/requests.json?service_request_id={first},{Guid.NewGuid()}")).ReadAsTextAsync()).RootElement;
        answer.GetArrayLength().ShouldBe(1);
        answer[0].GetProperty("status").GetString().ShouldBe("open");
        answer[0].GetProperty("lat").GetDouble().ShouldBe(51.8843);
    }

    [Fact]
    public async Task A_dismissed_report_is_closed_for_its_sender()
    {
        var key = await NewKey();
        var body = JsonDocument.Parse(await (await Send("/open311/v2/requests.json", AsFixMyStreetSends(key.ApiKey, "223456789012", Guid.NewGuid().ToString("N")))).ReadAsTextAsync());
        var id = body.RootElement[0].GetProperty("service_request_id").GetString();

        await app.Post(Coordinator, $"/api/inbox/{id}/dismiss", new { reason = "Private road: passed to the landlord." }, 204);

        var request = JsonDocument.Parse(await (await Get($"/open311/v2/requests/{id}.json")).ReadAsTextAsync()).RootElement[0];
        request.GetProperty("status").GetString().ShouldBe("closed");
        request.GetProperty("status_notes").GetString()!.ShouldNotContain("landlord");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task A_missing_or_wrong_key_is_a_403_in_GeoReport_errors(string? apiKey)
    {
        var form = AsFixMyStreetSends(apiKey ?? "", "323456789012", "x");
        if (apiKey is null) form.Remove("api_key");

        var answer = XDocument.Parse(await (await Send("/open311/v2/requests.xml", form, 403)).ReadAsTextAsync());

        answer.Root!.Name.LocalName.ShouldBe("errors");
        answer.Root.Element("error")!.Element("code")!.Value.ShouldBe("403");
    }

    [Fact]
    public async Task A_revoked_key_sends_nothing_more_and_grants_nothing_else()
    {
        var key = await NewKey();
        await app.Post(Problems.ProblemsApi.Admin, $"/api/intake/keys/{key.Id}/revoke", new { });

        await Send("/open311/v2/requests.json", AsFixMyStreetSends(key.ApiKey, "423456789012", "y"), 403);
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/inbox");
            s.WithBearerToken(key.ApiKey);
            s.StatusCodeShouldBe(401);
        });
    }

    [Theory]
    [InlineData("service_code", "no-such-service")]
    [InlineData("lat", "north")]
    [InlineData("description", " ")]
    [InlineData("media_url", "javascript:alert(1)")]
    public async Task Bad_input_is_a_400_with_GeoReport_errors_and_stores_nothing(string field, string value)
    {
        var key = await NewKey();
        var form = AsFixMyStreetSends(key.ApiKey, "523456789012", Guid.NewGuid().ToString("N"));
        form[field] = value;

        var answer = JsonDocument.Parse(await (await Send("/open311/v2/requests.json", form, 400)).ReadAsTextAsync()).RootElement[0];

        answer.GetProperty("code").GetInt32().ShouldBe(400);
        answer.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
        (await ThePlacesHolding(form["attribute[fixmystreet_id]"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_control_character_is_a_400_in_GeoReport_errors()
    {
        var key = await NewKey();
        var form = AsFixMyStreetSends(key.ApiKey, "623456789012", "z");
        form["description"] = "Dark\u0007";

        var answer = XDocument.Parse(await (await Send("/open311/v2/requests.xml", form, 400)).ReadAsTextAsync());

        answer.Root!.Element("error")!.Element("description")!.Value.ShouldContain("U+0007", Case.Sensitive, answer.ToString());
        XDocument.Parse(await (await Get("/open311/v2/requests.xml?service_request_id=%01", 400)).ReadAsTextAsync())
            .Root!.Element("error")!.Element("description")!.Value.ShouldContain("U+0001");
    }

    [Fact]
    public async Task Discovery_answers_in_both_formats()
    {
        XDocument.Parse(await (await Get("/open311/v2/discovery.xml")).ReadAsTextAsync()).Root!.Element("endpoints")!.Element("endpoint")!
            .Element("formats")!.Elements("format").Select(f => f.Value).ShouldBe(["text/xml", "application/json"]);
        JsonDocument.Parse(await (await Get("/open311/v2/discovery.json")).ReadAsTextAsync()).RootElement.GetProperty("endpoints")[0]
            .GetProperty("specification").GetString().ShouldBe("http://wiki.open311.org/GeoReport_v2");
    }

    [Fact]
    public async Task A_key_is_shown_once_and_only_its_hash_is_kept()
    {
        var key = await NewKey();

        var listed = await (await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/intake/keys");
            s.WithBearerToken(app.TokenFor(Problems.ProblemsApi.Admin).GetAwaiter().GetResult());
        })).ReadAsTextAsync();

        listed.ShouldContain(key.Id.ToString());
        listed.ShouldNotContain(key.ApiKey);
        (await ThePlacesHolding(key.ApiKey)).ShouldBeEmpty();
    }

    /// <summary>Every text, JSON and array column of every table in the test's database, and the events, searched for <paramref name="text"/>.</summary>
    private async Task<List<string>> ThePlacesHolding(string text)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column)>();
        await using (var find = new NpgsqlCommand(
            """
            select c.table_schema, c.table_name, c.column_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
            where c.table_schema not in ('pg_catalog', 'information_schema')
              and (c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY'))
            """, connection))
        await using (var reader = await find.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        columns.ShouldContain(c => c.Table == "mt_events" && c.Column == "data");
        columns.ShouldContain(c => c.Table == "inbox_reports");

        var found = new List<string>();
        foreach (var (schema, table, column) in columns)
        {
            var sql = $"select count(*) from \"{schema}\".\"{table}\" where position(@text in coalesce(\"{column}\"::text, '')) > 0";
            await using var count = new NpgsqlCommand(sql, connection);
            count.Parameters.AddWithValue("text", text);
            if ((long)(await count.ExecuteScalarAsync())! > 0) found.Add($"{schema}.{table}.{column}");
        }
        return found;
    }
}
