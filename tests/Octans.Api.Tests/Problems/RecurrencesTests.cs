using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class RecurrencesTests(AppFixture app)
{
    [Fact]
    public async Task A_team_member_logs_a_recurrence()
    {
        var created = await app.ReportProblem();
        var observedOn = app.Today().AddDays(-2);

        var result = await app.Post(Lighting, $"/api/problems/{created.Id}/recurrences",
            new { version = created.Version, observedOn, description = "Column 14 dark again.", source = "Night inspection" });

        (await result.NewVersion()).ShouldBe(created.Version + 1);
        var recurrence = (await app.Details(created.Id)).Recurrences.Single();
        recurrence.ObservedOn.ShouldBe(observedOn);
        recurrence.Description.ShouldBe("Column 14 dark again.");
        recurrence.Source.ShouldBe("Night inspection");
        recurrence.By.ShouldBe("Lee Lighting");
    }

    [Fact]
    public async Task A_recurrence_in_hold_is_flagged_until_the_next_review()
    {
        var created = await app.ReportProblem();
        var advanced = await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version = created.Version, @override = "Cleared; agreed at tasking." });

        var logged = await app.Post(Coordinator, $"/api/problems/{created.Id}/recurrences",
            new { version = await advanced.NewVersion(), observedOn = app.Today(), description = "Fly-tipping back behind the shops." });

        (await app.Details(created.Id)).HoldDecay.ShouldBe(new HoldDecay(1, app.Today(), HoldDecay.Start.MovedToHold));
        await app.Post(Coordinator, $"/api/problems/{created.Id}/reviews",
            new { version = await logged.NewVersion(), meetingOn = app.Today(), rag = "Red", decision = "Back to Clear if it happens again." });
        (await app.Details(created.Id)).HoldDecay.ShouldBeNull();
    }

    [Fact]
    public async Task A_recurrence_seen_in_the_future_is_a_400_naming_the_date()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/recurrences",
            new { version = created.Version, observedOn = app.Today().AddDays(1), description = "Dark." }, 400);
        (await result.Errors()).ShouldContainKey("observedOn");
    }

    [Fact]
    public async Task A_date_seen_that_is_not_a_date_is_a_400_naming_it()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/recurrences",
            new { version = created.Version, observedOn = "yesterday", description = "Dark." }, 400);
        (await result.Errors())["observedOn"].Single().ShouldContain("2026-11-30");
        (await app.Details(created.Id)).Recurrences.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_recurrence_needs_a_description()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Lighting, $"/api/problems/{created.Id}/recurrences", new { version = created.Version, observedOn = app.Today() }, 400);
        (await result.Errors()).ShouldContainKey("description");
    }
}
