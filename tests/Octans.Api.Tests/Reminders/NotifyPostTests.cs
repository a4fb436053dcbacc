using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Notify.Client;
using Notify.Interfaces;
using Octans.Api.Reminders;
using Octans.Api.Reminders.Sending;

namespace Octans.Api.Tests.Reminders;

/// <summary>What Octans asks GOV.UK Notify to send, caught before the network by Notify's own client.</summary>
public sealed class NotifyPostTests
{
    private const string TeamTemplate = "5f6a1a7e-0c1d-4d2e-9b1a-1f2e3d4c5b6a", CoordinatorTemplate = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";
    private const string ApiKey = "octans_test-11111111-2222-3333-4444-555555555555-66666666-7777-8888-9999-000000000000";

    private static readonly Recipient Member = new(Guid.Parse("0196a000-0000-7000-8000-0000000000aa"), "lighting@council.example", "Sam");

    private static readonly TeamReminder Week = new(Member, "2026-W51", "Street Lighting", new DateOnly(2026, 12, 14),
        [new DueAction(Guid.Parse("0196a000-0000-7000-8000-0000000000b1"), "HT-0003", "Dark alley off Wenlock Street", "Street Lighting", new DateOnly(2026, 12, 8))],
        []);

    [Fact]
    public async Task A_teams_week_goes_to_the_team_template_with_its_lines_as_personalisation_and_a_reference_without_the_email()
    {
        var http = new CaughtRequests(HttpStatusCode.Created, """{ "id": "0ad5b5b1-0000-4000-8000-000000000001", "reference": null, "uri": "", "content": { "body": "", "subject": "" }, "template": { "id": "", "version": 1, "uri": "" } }""");
        var post = new NotifyPost(Settings(), new NotificationClient(http, ApiKey));

        (await post.SendAsync(Week, CancellationToken.None)).ShouldBe("0ad5b5b1-0000-4000-8000-000000000001");

        var (request, body) = http.Caught.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.RequestUri!.OriginalString.TrimStart('/').ShouldBe("v2/notifications/email");
        request.Headers.Authorization!.Scheme.ShouldBe("Bearer");
        var sent = JsonDocument.Parse(body).RootElement;
        sent.GetProperty("email_address").GetString().ShouldBe("lighting@council.example");
        sent.GetProperty("template_id").GetString().ShouldBe(TeamTemplate);
        sent.GetProperty("reference").GetString().ShouldBe($"TeamWeek:2026-W51:{Member.UserId}");
        var personalisation = sent.GetProperty("personalisation");
        personalisation.GetProperty("team").GetString().ShouldBe("Street Lighting");
        personalisation.GetProperty("week").GetString().ShouldBe("Monday 14 December 2026 to Sunday 20 December 2026");
        personalisation.GetProperty("overdue").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["HT-0003 Dark alley off Wenlock Street, due Tuesday 8 December 2026"]);
        personalisation.GetProperty("due").EnumerateArray().Select(e => e.GetString()).ShouldBe(["None"]);
        personalisation.GetProperty("tasks_link").GetString().ShouldBe("https://octans.example/tasks");
        personalisation.GetProperty("turn_off_link").GetString().ShouldBe("https://octans.example/account/reminders");
    }

    [Fact]
    public async Task A_coordinators_day_goes_to_the_coordinator_template()
    {
        var http = new CaughtRequests(HttpStatusCode.Created, """{ "id": "0ad5b5b1-0000-4000-8000-000000000002" }""");
        var day = new CoordinatorReminder(Member, "2026-12-14", new DateOnly(2026, 12, 14),
            [new AreaNews("High Town", 4, [Week.Overdue[0]], 7)]);

        await new NotifyPost(Settings(), new NotificationClient(http, ApiKey)).SendAsync(day, CancellationToken.None);

        var sent = JsonDocument.Parse(http.Caught.ShouldHaveSingleItem().Body).RootElement;
        sent.GetProperty("template_id").GetString().ShouldBe(CoordinatorTemplate);
        var personalisation = sent.GetProperty("personalisation");
        personalisation.GetProperty("waiting").EnumerateArray().Select(e => e.GetString()).ShouldBe(["High Town: 4 reports wait in the inbox"]);
        personalisation.GetProperty("went_overdue").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["High Town: HT-0003 Dark alley off Wenlock Street (Street Lighting), due Tuesday 8 December 2026"]);
        personalisation.GetProperty("overdue_in_all").EnumerateArray().Select(e => e.GetString()).ShouldBe(["High Town: 7 actions"]);
    }

    [Fact]
    public async Task An_email_Notify_refuses_is_that_reminder_refused_while_an_outage_is_not()
    {
        var refusing = new CaughtRequests(HttpStatusCode.BadRequest,
            """{ "status_code": 400, "errors": [ { "error": "BadRequestError", "message": "email_address Not a valid email address" } ] }""");
        await Should.ThrowAsync<ReminderRefused>(() => new NotifyPost(Settings(), new NotificationClient(refusing, ApiKey)).SendAsync(Week, CancellationToken.None));

        var down = new CaughtRequests(HttpStatusCode.InternalServerError,
            """{ "status_code": 500, "errors": [ { "error": "Exception", "message": "Internal server error" } ] }""");
        var outage = await Should.ThrowAsync<Exception>(() => new NotifyPost(Settings(), new NotificationClient(down, ApiKey)).SendAsync(Week, CancellationToken.None));
        outage.ShouldNotBeOfType<ReminderRefused>();
    }

    private static ReminderSettings Settings() => ReminderSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Octans:Reminders:Sender"] = "Notify",
        ["Octans:Reminders:SiteAddress"] = "https://octans.example",
        ["Octans:Reminders:Notify:ApiKey"] = ApiKey,
        ["Octans:Reminders:Notify:TeamTemplate"] = TeamTemplate,
        ["Octans:Reminders:Notify:CoordinatorTemplate"] = CoordinatorTemplate,
    }).Build());

    /// <summary>Notify's client sends through this instead of the network, which answers every request the same.</summary>
    private sealed class CaughtRequests(HttpStatusCode status, string answer) : IHttpClient
    {
        public List<(HttpRequestMessage Request, string Body)> Caught { get; } = [];

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            Caught.Add((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync()));
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }

        public Uri BaseAddress { get; set; } = new("https://api.notifications.service.gov.uk");
        public void SetClientBaseAddress() { }
        public void Dispose() { }
        public void AddContentHeader(string header) { }
        public void AddUserAgent(string userAgent) { }
    }
}
