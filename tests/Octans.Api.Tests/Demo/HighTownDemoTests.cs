using System.Text.Json;
using System.Text.Json.Serialization;
using Octans.Api.Demo;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Tests.Demo;

public sealed class HighTownDemoTests
{
    // A Monday in November, the same instant the API tests start from.
    private static readonly DateTimeOffset Now = AppFixture.Start;
    private static readonly DateOnly Today = London.Today(Now);
    private static readonly IReadOnlyList<ProblemHistory> Demo = HighTownDemo.Build(Now);
    private static readonly IReadOnlyList<Problem> Problems = Demo.Select(h => Problem.Replay(h.Events)).ToList();
    private static IEnumerable<IProblemEvent> AllEvents => Demo.SelectMany(h => h.Events);

    [Fact]
    public void There_are_at_least_thirty_problems_numbered_HT_0001_onwards_in_the_order_they_were_reported()
    {
        Problems.Count.ShouldBeGreaterThanOrEqualTo(30);
        Problems.Select(p => p.Reference).ShouldBe(Enumerable.Range(1, Problems.Count).Select(n => $"HT-{n:0000}"));
        Demo.Select(h => h.Events[0]).ShouldAllBe(e => e is ProblemReported);
        Demo.Select(h => h.Events[0].At).ShouldBeInOrder();
        Problems.Select(p => p.Id).Distinct().Count().ShouldBe(Problems.Count);
        Demo.ShouldAllBe(h => h.Events.All(e => e.ProblemId == h.ProblemId));
    }

    [Fact]
    public void Every_category_is_used()
    {
        Problems.Select(p => p.Category).Distinct().ShouldBe(Category.DefaultNames, ignoreOrder: true);
    }

    [Fact]
    public void Every_team_has_actions()
    {
        Problems.SelectMany(p => p.Actions).Select(a => a.TeamId).Distinct()
            .ShouldBe(Team.Defaults.Select(t => t.Id), ignoreOrder: true);
    }

    [Fact]
    public void Open_problems_stand_in_every_phase_and_closed_ones_have_at_least_four_different_outcomes()
    {
        var open = Problems.Where(p => p.Status == ProblemStatus.Open).ToList();
        open.Select(p => p.Phase).Distinct().ShouldBe([Phase.Clear, Phase.Hold, Phase.Build], ignoreOrder: true);

        var closed = Demo.Where(h => h.Problem.Status == ProblemStatus.Closed)
            .Select(h => (ReportedAt: h.Events[0].At, Closing: h.Events.OfType<ProblemClosed>().Last()))
            .ToList();
        closed.Count.ShouldBeGreaterThanOrEqualTo(5);
        closed.Select(p => p.Closing.Outcome).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        var duplicate = closed.Single(p => p.Closing.Outcome == Outcome.Duplicate);
        Demo.ShouldContain(h => h.ProblemId == duplicate.Closing.DuplicateOf && h.Events[0].At < duplicate.ReportedAt);
    }

    [Fact]
    public void At_least_three_problems_went_back_from_Hold_to_Clear_after_a_recurrence()
    {
        var reverts = Demo.Where(h => h.Events
            .Select((e, i) => (e, i))
            .Any(x => x.e is PhaseReverted { From: Phase.Hold, To: Phase.Clear }
                && h.Events.Take(x.i).Reverse().TakeWhile(e => e is not PhaseAdvanced).OfType<RecurrenceLogged>().Any()));

        reverts.Count().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public void There_are_at_least_four_recurrences_and_some_overrides_reschedules_reassignments_and_cancellations()
    {
        AllEvents.OfType<RecurrenceLogged>().Count().ShouldBeGreaterThanOrEqualTo(4);
        AllEvents.OfType<PhaseAdvanced>().Count(e => e.Override is not null).ShouldBeGreaterThanOrEqualTo(2);
        AllEvents.OfType<ActionRescheduled>().ShouldNotBeEmpty();
        AllEvents.OfType<ActionReassigned>().ShouldNotBeEmpty();
        AllEvents.OfType<ActionCancelled>().ShouldNotBeEmpty();
        AllEvents.OfType<ActionReopened>().ShouldNotBeEmpty();
        AllEvents.OfType<ProblemReopened>().ShouldNotBeEmpty();
        AllEvents.OfType<ProblemDetailsRevised>().ShouldNotBeEmpty();
    }

    [Fact]
    public void Problems_are_reviewed_at_the_monthly_meeting_on_the_second_Tuesday()
    {
        var reviews = AllEvents.OfType<ReviewRecorded>().ToList();

        reviews.Count.ShouldBeGreaterThan(Problems.Count);
        reviews.ShouldAllBe(r => r.MeetingOn.DayOfWeek == DayOfWeek.Tuesday && r.MeetingOn.Day >= 8 && r.MeetingOn.Day <= 14);
        reviews.Select(r => (r.MeetingOn.Year, r.MeetingOn.Month)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void Some_open_actions_are_overdue_today_across_several_teams()
    {
        var overdue = Problems.Where(p => p.Status == ProblemStatus.Open)
            .SelectMany(p => p.Actions).Where(a => Problem.IsOverdue(a, Today)).ToList();

        overdue.Count.ShouldBeGreaterThanOrEqualTo(5);
        overdue.Select(a => a.TeamId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        Problems.SelectMany(p => p.Actions).ShouldContain(a => a.Status == ActionStatus.Open && a.DueOn >= Today);
    }

    [Fact]
    public void Every_event_happened_in_working_hours_in_the_twelve_months_before_now_and_is_recorded_in_UTC()
    {
        foreach (var e in AllEvents)
        {
            e.At.ShouldBeLessThan(Now);
            e.At.Offset.ShouldBe(TimeSpan.Zero);
            e.At.ShouldBeGreaterThanOrEqualTo(Now.AddMonths(-12));
            var local = TimeZoneInfo.ConvertTime(e.At, London.TimeZone);
            local.DayOfWeek.ShouldNotBe(DayOfWeek.Saturday);
            local.DayOfWeek.ShouldNotBe(DayOfWeek.Sunday);
            local.Hour.ShouldBeInRange(9, 17);
        }
        Demo.ShouldAllBe(h => h.Events.Zip(h.Events.Skip(1)).All(pair => pair.First.At < pair.Second.At));
        AllEvents.Min(e => e.At).ShouldBeLessThan(Now.AddMonths(-10));
    }

    [Fact]
    public void The_demo_builds_whatever_day_it_is_loaded_on()
    {
        // ops/run loads it on whatever day someone first runs Octans, so every day of a year, at any hour, must work.
        var hours = new[] { 0, 7, 10, 13, 17, 23 };
        for (var day = 0; day < 366; day++)
        {
            var now = new DateTimeOffset(2027, 1, 1, hours[day % hours.Length], 30, 0, TimeSpan.Zero).AddDays(day);

            var events = HighTownDemo.Build(now).SelectMany(h => h.Events).ToList();

            events.ShouldAllBe(e => e.At < now && e.At >= now.AddMonths(-12), $"loaded at {now:u}");
        }
    }

    [Fact]
    public void The_same_now_gives_the_same_events()
    {
        Serialise(HighTownDemo.Build(Now)).ShouldBe(Serialise(HighTownDemo.Build(Now)));
        HighTownDemo.Build(Now.AddDays(3)).Select(h => h.ProblemId).ShouldBe(Demo.Select(h => h.ProblemId), ignoreOrder: true);
    }

    [Fact]
    public void The_streets_named_in_the_issue_all_appear()
    {
        string[] streets =
        [
            "High Town Road", "Wenlock Street", "Brunswick Street", "Burr Street", "Hitchin Road", "Midland Road",
            "Old Bedford Road", "North Street",
        ];
        var places = Problems.Select(p => $"{p.Title} {p.Location.Description}").ToList();

        streets.ShouldAllBe(street => places.Any(place => place.Contains(street)));
    }

    [Fact]
    public void Every_place_is_in_High_Town()
    {
        Problems.ShouldAllBe(p => p.Area == "High Town" && p.Location.Ward == "High Town");
        Problems.ShouldAllBe(p => Math.Abs(p.Location.Latitude!.Value - 51.885) <= 0.01 && Math.Abs(p.Location.Longitude!.Value + 0.415) <= 0.01);
    }

    [Fact]
    public void No_text_carries_personal_data()
    {
        var texts = AllEvents
            .SelectMany(e => e.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(e)))
            .Concat(AllEvents.OfType<ProblemReported>().Select(e => e.Location.Description))
            .OfType<string>()
            .ToList();

        texts.Count.ShouldBeGreaterThan(500);
        texts.ShouldAllBe(text => PersonalData.Find(text) == null);
    }

    [Fact]
    public void The_work_is_done_by_the_demo_accounts()
    {
        var names = AllEvents.Select(e => e.By).Distinct().ToList();

        names.ShouldBe(
            DemoAccounts.All.Where(u => u.Email is "coordinator@octans.test" or "lighting@octans.test" or "streets@octans.test")
                .Select(u => new Actor(u.Id, u.Name)),
            ignoreOrder: true);
        AllEvents.OfType<NoteAdded>().ShouldContain(n => n.By.Name == "Lee Lighting");
    }

    private static string Serialise(IReadOnlyList<ProblemHistory> demo) => JsonSerializer.Serialize(
        demo.Select(h => new { h.ProblemId, Events = h.Events.Select(e => new { Type = e.GetType().Name, Data = (object)e }) }),
        new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } });
}
