using Alba;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Octans.Api.Demo;
using Octans.Api.ReferenceData;
using Octans.Api.Reminders;
using Octans.Api.Reminders.Sending;
using Octans.Api.Reminders.TurningOff;
using Octans.Api.SigningIn;
using Octans.Api.Tests.Observing;
using Octans.Api.Tests.Problems;
using Octans.Api.Tests.SigningIn;
using Octans.Domain;

namespace Octans.Api.Tests.Reminders;

/// <summary>The reminder jobs sending through a real SMTP server started here, and what arrives there.</summary>
[Collection(ApiCollection.Name)]
public sealed class RemindersTests(AppFixture app)
{
    private const string NoteText = "Neighbour at number 9 gave a statement", Statement = "Residents at the ward surgery described it",
        ActionText = "Replace the lantern on column 12", ReportText = "Lights out along the whole of Brook Street since Friday";

    [Fact]
    public async Task A_team_member_gets_the_teams_overdue_and_coming_actions_once_a_week_and_nothing_else()
    {
        await using var mail = await TestMailServer.StartAsync();
        var today = app.Today();
        var team = await GivenTeam();
        var member = await app.CreateUser(Role.TeamMember, DemoAccounts.DefaultPassword, team.Id);
        var turnedOff = await app.CreateUser(Role.TeamMember, DemoAccounts.DefaultPassword, team.Id);
        await TurnReminders(turnedOff, on: false);

        var area = await app.GivenArea();
        var reported = app.Clock.GetUtcNow().AddDays(-20);
        var late = await app.GivenProblem("Dark alley off Wenlock Street", area, statement: Statement, at: reported);
        await late.Plan(ActionText, team.Id, today.AddDays(-3), at: reported);
        await late.Then(new AddNote(NoteText));
        var soon = await app.GivenProblem("Fly-tipping behind the Co-op", area, at: reported);
        await soon.Plan("Clear the bags", team.Id, today.AddDays(2), at: reported);
        var later = await app.GivenProblem("Graffiti on the underpass", area, at: reported);
        await later.Plan("Paint over it", team.Id, today.AddDays(10), at: reported);

        (await Jobs(mail.Port).SendTeamRemindersAsync(CancellationToken.None)).ShouldBeGreaterThan(0);

        var email = mail.To(member.Email).ShouldHaveSingleItem();
        mail.To(turnedOff.Email).ShouldBeEmpty();
        email.Subject.ShouldNotBeNull().ShouldContain(team.Name);
        email.Headers["Auto-Submitted"].ShouldBe("auto-generated");
        foreach (var body in new[] { Text(email), Html(email) })
        {
            body.ShouldContain($"{late.Reference}");
            body.ShouldContain("Dark alley off Wenlock Street");
            body.ShouldContain(ReminderText.Day(today.AddDays(-3)));
            body.ShouldContain(soon.Reference);
            body.ShouldContain(ReminderText.Day(today.AddDays(2)));
            body.ShouldNotContain(later.Reference);
            body.ShouldContain($"https://octans.test/problems/{late.Id}");
            body.ShouldContain("https://octans.test/account/reminders");
            foreach (var words in new[] { NoteText, Statement, ActionText })
                body.ShouldNotContain(words);
        }
        var text = Text(email);
        text.IndexOf(late.Reference, StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Due by", StringComparison.Ordinal),
            "the overdue action is listed under Overdue, before the actions due");
        text.ShouldContain("Overdue (1)");
        text.ShouldContain($"Due by {ReminderText.Day(today.AddDays(6))} (1)");
        (await WasSent(member, ReminderKind.TeamWeek, ReminderPeriods.Week(today))).ShouldBeTrue();
        (await WasSent(turnedOff, ReminderKind.TeamWeek, ReminderPeriods.Week(today))).ShouldBeFalse();

        var before = mail.Received.Count;
        (await Jobs(mail.Port).SendTeamRemindersAsync(CancellationToken.None)).ShouldBe(0);
        mail.Received.Count.ShouldBe(before, "a second run in the same week sends nothing");
    }

    [Fact]
    public async Task A_coordinator_hears_each_day_of_reports_waiting_and_actions_that_went_overdue()
    {
        await using var mail = await TestMailServer.StartAsync();
        var today = app.Today();
        var coordinator = await app.CreateUser(Role.Coordinator, DemoAccounts.DefaultPassword);
        var turnedOff = await app.CreateUser(Role.Coordinator, DemoAccounts.DefaultPassword);
        await TurnReminders(turnedOff, on: false);

        var area = await app.GivenArea();
        var reported = app.Clock.GetUtcNow().AddDays(-20);
        var yesterday = await app.GivenProblem("Broken column in Brook Street", area, at: reported);
        await yesterday.Plan(ActionText, Team.StreetLighting.Id, today.AddDays(-1), at: reported);
        var longAgo = await app.GivenProblem("Needles in the churchyard", area, at: reported);
        await longAgo.Plan("Sweep the churchyard", Team.CleanStreets.Id, today.AddDays(-5), at: reported);
        await app.Post(ProblemsApi.Coordinator, "/api/inbox",
            new { area = area.Name, category = "Street lighting", description = ReportText, location = Inbox.InboxApi.Place("Brook Street"), source = "Phone" }, 201);

        await Jobs(mail.Port).SendCoordinatorRemindersAsync(CancellationToken.None);

        var email = mail.To(coordinator.Email).ShouldHaveSingleItem();
        mail.To(turnedOff.Email).ShouldBeEmpty();
        var text = Text(email);
        var start = text.IndexOf(area.Name, StringComparison.Ordinal);
        var section = text[start..(text.IndexOf("overdue in all", start, StringComparison.Ordinal) + "overdue in all".Length)];
        section.ShouldContain("1 report waits in the inbox");
        section.ShouldContain($"1 action went overdue today");
        section.ShouldContain($"{yesterday.Reference} Broken column in Brook Street ({Team.StreetLighting.Name}), due {ReminderText.Day(today.AddDays(-1))}");
        section.ShouldContain("2 actions overdue in all");
        section.ShouldNotContain(longAgo.Reference);
        foreach (var body in new[] { Text(email), Html(email) })
        foreach (var words in new[] { ReportText, ActionText })
            body.ShouldNotContain(words);

        var before = mail.Received.Count;
        (await Jobs(mail.Port).SendCoordinatorRemindersAsync(CancellationToken.None)).ShouldBe(0);
        mail.Received.Count.ShouldBe(before, "a second run on the same day sends nothing");
    }

    [Fact]
    public async Task When_the_SMTP_server_is_down_the_job_fails_for_Hangfire_to_retry_and_nothing_is_marked_sent()
    {
        var today = app.Today();
        var team = await GivenTeam();
        var member = await app.CreateUser(Role.TeamMember, DemoAccounts.DefaultPassword, team.Id);
        var problem = await app.GivenProblem("Dark spot by the station", at: app.Clock.GetUtcNow().AddDays(-2));
        await problem.Plan("Relamp", team.Id, today.AddDays(1));
        var before = await app.Metrics();

        await Should.ThrowAsync<AggregateException>(() => Jobs(TestMailServer.FreePort()).SendTeamRemindersAsync(CancellationToken.None));
        (await WasSent(member, ReminderKind.TeamWeek, ReminderPeriods.Week(today))).ShouldBeFalse();
        var whileDown = await app.Metrics();

        await using var mail = await TestMailServer.StartAsync();
        await Jobs(mail.Port).SendTeamRemindersAsync(CancellationToken.None);
        mail.To(member.Email).ShouldHaveSingleItem().TextBody.ShouldNotBeNull().ShouldContain(problem.Reference);
        (await WasSent(member, ReminderKind.TeamWeek, ReminderPeriods.Week(today))).ShouldBeTrue();
        var after = await app.Metrics();
        double Emails(string metrics, string outcome) => Scrapes.Value(metrics, "octans_reminder_emails_total", ("kind", "team_week"), ("outcome", outcome));
        (Emails(whileDown, "failed") - Emails(before, "failed")).ShouldBeGreaterThanOrEqualTo(1);
        (Emails(after, "sent") - Emails(whileDown, "sent")).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Two_nodes_running_the_job_at_once_send_each_email_once()
    {
        await using var mail = await TestMailServer.StartAsync();
        var team = await GivenTeam();
        var members = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.CreateUser(Role.TeamMember, DemoAccounts.DefaultPassword, team.Id)));
        var problem = await app.GivenProblem("Dark spot by the bus stop", at: app.Clock.GetUtcNow().AddDays(-2));
        await problem.Plan("Relamp", team.Id, app.Today().AddDays(3));

        await Task.WhenAll(Jobs(mail.Port).SendTeamRemindersAsync(CancellationToken.None), Jobs(mail.Port).SendTeamRemindersAsync(CancellationToken.None));

        foreach (var member in members)
            mail.To(member.Email).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_user_turns_reminders_off_and_on_and_a_choice_that_is_neither_changes_nothing()
    {
        var user = await app.CreateUser(Role.TeamMember, DemoAccounts.DefaultPassword, Team.StreetLighting.Id);
        (await Setting(user)).On.ShouldBeTrue();

        await TurnReminders(user, on: false);
        (await Setting(user)).On.ShouldBeFalse();

        var refused = await app.Post(user.Email, "/api/account/reminders", new { on = "perhaps" }, 400);
        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        await app.Post(user.Email, "/api/account/reminders", new { }, 400);
        (await Setting(user)).On.ShouldBeFalse();

        await TurnReminders(user, on: true);
        (await Setting(user)).On.ShouldBeTrue();
    }

    [Fact]
    public async Task The_account_page_turns_reminders_off_and_shows_them_off()
    {
        var user = await app.CreateUser(Role.TeamMember, DemoAccounts.DefaultPassword, Team.CleanStreets.Id);
        using var client = app.Host.Server.CreateClient();
        var (antiforgery, form) = await PageForms.FormOf(client, "/sign-in", null);
        var signIn = await PageForms.Send(client, HttpMethod.Post, "/sign-in", antiforgery, new()
        {
            ["__RequestVerificationToken"] = form, ["email"] = user.Email, ["password"] = DemoAccounts.DefaultPassword,
        });
        var signedIn = $"{antiforgery}; {PageForms.CookieFrom(signIn, "octans")}";

        var (_, settingForm) = await PageForms.FormOf(client, "/account/reminders", signedIn);
        var refused = await PageForms.Send(client, HttpMethod.Post, "/account/reminders", signedIn,
            new() { ["__RequestVerificationToken"] = settingForm, ["on"] = "perhaps" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Select whether you want reminder emails");
        (await Setting(user)).On.ShouldBeTrue();

        var saved = await PageForms.Send(client, HttpMethod.Post, "/account/reminders", signedIn,
            new() { ["__RequestVerificationToken"] = settingForm, ["on"] = "off" });
        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await Setting(user)).On.ShouldBeFalse();
        var page = await (await PageForms.Send(client, HttpMethod.Get, "/account/reminders", signedIn)).Content.ReadAsStringAsync();
        page.ShouldContain("value=\"off\" checked=\"checked\"");
    }

    private static string Text(MimeMessage email) => email.TextBody.ShouldNotBeNull();

    private static string Html(MimeMessage email) => email.HtmlBody.ShouldNotBeNull();

    private ReminderJobs Jobs(int port)
    {
        var settings = ReminderSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Octans:Reminders:Sender"] = "Smtp",
            ["Octans:Reminders:From"] = "Octans <octans@octans.test>",
            ["Octans:Reminders:SiteAddress"] = "https://octans.test",
            ["Octans:Reminders:Smtp:Host"] = "127.0.0.1",
            ["Octans:Reminders:Smtp:Port"] = port.ToString(),
            ["Octans:Reminders:Smtp:Security"] = "None",
            ["Octans:Reminders:Smtp:Timeout"] = "00:00:10",
        }).Build());
        return new ReminderJobs(app.Store, new SmtpPost(settings), app.Clock, NullLogger<ReminderJobs>.Instance);
    }

    private async Task<Team> GivenTeam()
    {
        var team = new Team { Id = Guid.CreateVersion7(), Name = $"Team {Guid.NewGuid():N}"[..20], Partner = "Luton Council" };
        await using var session = app.Store.LightweightSession();
        session.Insert(team);
        await session.SaveChangesAsync();
        return team;
    }

    private async Task TurnReminders(User user, bool on) =>
        (await (await app.Post(user.Email, "/api/account/reminders", new { on })).ReadAsJsonAsync<RemindersSetting>())!.On.ShouldBe(on);

    private async Task<RemindersSetting> Setting(User user) => await app.Get<RemindersSetting>("/api/account/reminders", user.Email);

    private async Task<bool> WasSent(User user, ReminderKind kind, string period)
    {
        await using var session = app.Store.QuerySession();
        return await RemindersSent.WasSentAsync(session, user.Id, kind, period, CancellationToken.None);
    }
}
