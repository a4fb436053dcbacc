using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Octans.Api.Demo;
using Octans.Api.Retention;
using Octans.Api.Tests.Operations;
using Octans.Api.Tests.Problems;
using Octans.Domain;

namespace Octans.Api.Tests.Retention;

/// <summary>The policy as configured: refused at start when it would remove too soon, shown to administrators and in the privacy notice.</summary>
[Collection(ApiCollection.Name)]
public sealed class RetentionPolicyTests(AppFixture app)
{
    [Fact]
    public async Task Octans_refuses_to_start_with_a_period_of_nothing_and_says_which_setting_and_why()
    {
        var refusal = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var host = await AlbaHost.For<Program>(web =>
            {
                web.UseEnvironment("Development");
                web.UseSetting("OCTANS_DB", app.Database.AppConnectionString);
                web.UseSetting("Octans:Retention:DismissedReportsAfter", "0 years");
            });
        });

        var message = MessagesOf(refusal);
        message.ShouldContain("Octans will not start with this retention policy.");
        message.ShouldContain("Octans:Retention:DismissedReportsAfter is \"0 years\", which would remove reports from the public as soon as they are closed or dismissed");
    }

    [Fact]
    public void Periods_are_read_from_configuration_in_years_or_months_and_default_to_the_policy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Octans:Retention:ClosedProblemTextAfter"] = "7 Years", ["Octans:Retention:ClosedProblemPhotosAfter"] = "18 months",
        }).Build();

        RetentionSettings.From(configuration).ShouldBe(new RetentionPolicy(new RetentionPeriod(84), RetentionPeriod.Years(1), new RetentionPeriod(18)));
    }

    [Fact]
    public async Task An_administrator_reads_the_policy_and_the_runs_from_the_API_and_the_page_linked_from_the_admin_index()
    {
        var overview = await app.Get<RetentionOverview>("/api/admin/retention", ProblemsApi.Admin);
        overview.Policy.Select(r => r.After).ShouldBe(["6 years", "1 year", "2 years"]);
        overview.Marker.ShouldBe(RetentionPolicy.Removed);

        var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, ProblemsApi.Admin, DemoAccounts.DefaultPassword));
        var index = await app.Host.Scenario(s => { s.Get.Url("/admin"); s.WithRequestHeader("Cookie", cookie); });
        index.ReadAsText().ShouldContain("href=\"/admin/retention\"");
        var page = (await app.Host.Scenario(s => { s.Get.Url("/admin/retention"); s.WithRequestHeader("Cookie", cookie); })).ReadAsText();
        page.ShouldContain("id=\"policy\"");
        page.ShouldContain("6 years after it was closed");
        page.ShouldContain("1 year after it was dismissed");
    }

    [Theory]
    [InlineData(ProblemsApi.Coordinator)]
    [InlineData(ProblemsApi.Lighting)]
    [InlineData(ProblemsApi.Councillor)]
    public async Task Nobody_else_reads_them(string email)
    {
        await app.Get("/api/admin/retention", email, 403);
        var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, email, DemoAccounts.DefaultPassword));
        var page = await app.Host.Scenario(s => { s.Get.Url("/admin/retention"); s.WithRequestHeader("Cookie", cookie); s.StatusCodeShouldBe(302); });
        page.Context.Response.Headers.Location.ToString().ShouldContain("/forbidden");
        var anonymous = await app.Host.Scenario(s => { s.Get.Url("/admin/retention"); s.StatusCodeShouldBe(302); });
        anonymous.Context.Response.Headers.Location.ToString().ShouldContain("/sign-in");
    }

    [Fact]
    public async Task The_privacy_notice_states_the_configured_periods()
    {
        var text = await (await app.Host.Scenario(s => s.Get.Url("/privacy"))).ReadAsTextAsync();

        text.ShouldContain("id=\"retention-periods\"");
        text.ShouldContain("removed 6 years after it was closed");
        text.ShouldContain("A report from the public that was dismissed: removed 1 year after it was dismissed");
        text.ShouldContain("The photos of a problem: removed 2 years after it was closed");
    }

    private static string MessagesOf(Exception exception) =>
        exception.InnerException is { } inner ? $"{exception.Message} {MessagesOf(inner)}" : exception.Message;
}
