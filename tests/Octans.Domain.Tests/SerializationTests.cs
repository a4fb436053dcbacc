using System.Text.Json;
using System.Text.Json.Serialization;
using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

/// <summary>Marten stores the snapshot and the events with System.Text.Json, camelCase and enums as strings.</summary>
public class SerializationTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    internal static IEnumerable<IProblemEvent> OneOfEach =>
    [
        Reported,
        new ProblemDetailsRevised(ProblemId, "Dark alley", null, "Lighting", Risk.Medium, Alley with { Uprn = null }, Coordinator, Now),
        Planned(Id(1)) with { Assignee = "Night crew" },
        Completed(Id(1)),
        new ActionReopened(ProblemId, Id(1), "Back.", Coordinator, Now),
        Cancelled(Id(1)),
        new ActionReassigned(ProblemId, Id(1), StreetLighting, null, Coordinator, Now),
        new ActionRescheduled(ProblemId, Id(1), Today.AddDays(9), "Parts.", Coordinator, Now),
        new NoteAdded(ProblemId, "Quiet week.", Coordinator, Now),
        CriterionAdded(Id(2), Phase.Hold),
        CriterionMet(Id(2)),
        new ReviewRecorded(ProblemId, Today, Rag.Green, "Hold.", Today.AddMonths(3), Coordinator, Now),
        new RecurrenceLogged(ProblemId, Today, "Bags.", "CCTV", LightingOfficer, Now),
        new RecurrenceLogged(ProblemId, Today, "Bags.", "Open311: FixMyStreet", Coordinator, Now, Alley),
        Advanced(Phase.Clear, Phase.Hold, "Patrols cover it."),
        new PhaseReverted(ProblemId, Phase.Hold, Phase.Clear, "Back.", Coordinator, Now),
        Closed with { Outcome = Outcome.Duplicate, DuplicateOf = OtherProblemId },
        new ProblemReopened(ProblemId, "Not a duplicate.", Coordinator, Now),
        new PhotoAdded(ProblemId, Id(5), Id(1), null, BeforeOrAfter.After, LightingOfficer, Now),
        new SensitivityChanged(ProblemId, true, Coordinator, Now) { Teams = [Guid.Parse("0196a000-0000-7000-8000-000000000005")] },
        new PublicUpdateWritten(ProblemId, "The alley was cleared.", Coordinator, Now),
    ];

    [Fact]
    public void The_sample_covers_every_event_type() =>
        OneOfEach.Select(e => e.GetType()).Distinct().ShouldBe(ProblemEvents.All, ignoreOrder: true);

    [Fact]
    public void Every_event_survives_a_round_trip()
    {
        foreach (var e in OneOfEach)
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), Options);

            JsonSerializer.Deserialize(json, e.GetType(), Options).ShouldBe(e, json);
        }
    }

    [Fact]
    public void A_problem_marked_sensitive_before_teams_were_named_reads_with_no_teams()
    {
        var stored = JsonSerializer.Serialize(new SensitivityChanged(ProblemId, true, Coordinator, Now), Options).Replace(",\"teams\":[]", "");

        stored.ShouldNotContain("teams");
        JsonSerializer.Deserialize<SensitivityChanged>(stored, Options)!.Teams.ShouldBeEmpty();
    }

    internal static IEnumerable<IInboxEvent> OneOfEachInInbox =>
    [
        new ReportReceived(Id(9), "High Town", "Open311: FixMyStreet", "123", "Fly-tipping", "Bags.", Alley, Now, "https://example.com/1.jpeg", null, Now),
        new ReportReceived(Id(9), "High Town", "Phone", null, "Fly-tipping", "Bags.", Alley, Now, null, Coordinator, Now),
        new ReportAttached(Id(9), ProblemId, Coordinator, Now),
        new ReportPromoted(Id(9), ProblemId, Coordinator, Now),
        new ReportDismissed(Id(9), "Not ours.", Coordinator, Now),
    ];

    [Fact]
    public void Every_inbox_event_survives_a_round_trip()
    {
        OneOfEachInInbox.Select(e => e.GetType()).Distinct().ShouldBe(InboxEvents.All, ignoreOrder: true);
        foreach (var e in OneOfEachInInbox)
            JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), Options), e.GetType(), Options).ShouldBe(e);
    }

    private static IEnumerable<IMeetingEvent> OneOfEachInMeetings =>
    [
        new MeetingArranged(Id(8), "High Town", MeetingKind.Pathways, Today, Coordinator, Now),
        new AgendaItemAdded(Id(8), ProblemId, Coordinator, Now),
        new AgendaItemDropped(Id(8), ProblemId, Coordinator, Now),
        new MeetingDecisionRecorded(Id(8), ProblemId, "HT-0001", "Lea Road alley", Phase.Hold,
            [AgendaReason.DueForReview, AgendaReason.NewReportsNearby], Rag.Amber, "Keep patrols.", Today.AddMonths(1), Coordinator, Now),
    ];

    [Fact]
    public void Every_meeting_event_survives_a_round_trip_with_its_words()
    {
        OneOfEachInMeetings.Select(e => e.GetType()).Distinct().ShouldBe(MeetingEvents.All, ignoreOrder: true);
        foreach (var e in OneOfEachInMeetings)
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), Options);
            JsonSerializer.Serialize(JsonSerializer.Deserialize(json, e.GetType(), Options), e.GetType(), Options).ShouldBe(json);
        }
        var decided = JsonSerializer.Serialize(OneOfEachInMeetings.Last(), typeof(MeetingDecisionRecorded), Options);
        decided.ShouldContain("\"why\":[\"DueForReview\",\"NewReportsNearby\"]");
        decided.ShouldContain("\"nextReviewOn\":\"2026-12-12\"");
    }

    [Fact]
    public void A_recurrence_kept_before_it_had_a_place_still_reads() =>
        JsonSerializer.Deserialize<RecurrenceLogged>(
            """{"problemId":"0199a000-0000-7000-8000-000000000007","observedOn":"2026-11-12","description":"Bags.","source":null,"by":{"userId":"0199a000-0000-7000-8000-0000000000c1","name":"Sam Coordinator"},"loggedAt":"2026-11-12T10:00:00+00:00"}""",
            Options)!.Place.ShouldBeNull();

    [Fact]
    public void Events_are_written_in_camelCase_with_enums_as_words()
    {
        var json = JsonSerializer.Serialize(Reported, Options);

        json.ShouldContain("\"problemId\":");
        json.ShouldContain("\"risk\":\"High\"");
        json.ShouldContain("\"reportedAt\":\"2026-10-13T10:00:00+00:00\"");
        json.ShouldNotContain("\"at\":");
    }

    [Fact]
    public void A_populated_problem_survives_a_round_trip()
    {
        var problem = Problem.Replay(ProblemTests.AMonthOnTheAlley);
        problem.Play(Closed with { Outcome = Outcome.Duplicate, DuplicateOf = OtherProblemId });
        var json = JsonSerializer.Serialize(problem, Options);

        var stored = JsonSerializer.Deserialize<Problem>(json, Options).ShouldNotBeNull();

        stored.ShouldBeEquivalentTo(problem);
        JsonSerializer.Serialize(stored, Options).ShouldBe(json);
        json.ShouldContain("\"phase\":\"Clear\"");
        json.ShouldContain("\"dueOn\":\"2026-11-10\"");
        json.ShouldContain("\"status\":\"Closed\"");
    }
}
