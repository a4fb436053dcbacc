using Octans.Api.Problems.Timeline;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class TimelineTests(AppFixture app)
{
    [Fact]
    public async Task Every_kind_of_event_reads_as_a_line_with_its_key_fact_oldest_first()
    {
        var today = app.Today();
        var original = await app.GivenProblem("Timeline original problem");
        var problem = await app.GivenProblem("Lamp out in the alley");
        await problem.Then(new ReviseDetails("Lamp out in Wenlock alley", null, null, Risk.High, null));
        var lamp = await problem.Plan("Replace lamp in column 14", Team.StreetLighting.Id, today.AddDays(14));
        await problem.Then(new ReassignAction(lamp, Team.CleanStreets.Id));
        await problem.Then(new RescheduleAction(lamp, today.AddDays(21), "Parts on order"));
        await problem.Then(new CompleteAction(lamp, "New lantern fitted"), by: GivenProblems.Lighting);
        await problem.Then(new ReopenAction(lamp, "Lantern failed overnight"));
        await problem.Then(new CancelAction(lamp, "Column to be replaced instead"));
        await problem.Then(new AddNote("Residents say the alley feels safer"));
        var criterion = Guid.CreateVersion7();
        await problem.Then(new AddExitCriterion(criterion, Phase.Clear, "No dark columns for four weeks"));
        await problem.Then(new MeetExitCriterion(criterion, "Night inspection on 12 Nov found all lit"));
        await problem.Then(new AddExitCriterionPhoto(criterion, Guid.CreateVersion7(), BeforeOrAfter.After));
        await problem.Then(new RecordReview(today, Rag.Amber, "Hold once the column is in", today.AddDays(28)));
        await problem.Then(new LogRecurrence(today, "Needles found by the bins", "Azalea outreach"));
        await problem.Plan("Night patrol", Team.HighTownPolice.Id, today.AddDays(3));
        await problem.Then(new AdvancePhase("Patrol carries on into Hold"));
        await problem.Then(new RevertPhase("Dumping came back within a week"));
        await problem.Then(new CloseProblem(Outcome.Duplicate, "Same alley as the original report", original.Id));
        await problem.Then(new ReopenProblem("Not the same alley after all"));
        await problem.Then(new WritePublicUpdate("The alley lamp is fixed."));
        await problem.Then(new ChangeSensitivity(true, [Team.HighTownPolice.Id]));

        var timeline = await app.Get<List<TimelineEntry>>($"/api/problems/{problem.Id}/timeline", Coordinator);

        var expected = new (string Type, string Fact)[]
        {
            ("ProblemReported", $"Reported {problem.Reference} 'Lamp out in the alley'"),
            ("ProblemDetailsRevised", "Changed the title to 'Lamp out in Wenlock alley' and the risk to High"),
            ("ActionPlanned", $"Planned 'Replace lamp in column 14' for Street Lighting, due {Day(today.AddDays(14))}"),
            ("ActionReassigned", "Reassigned 'Replace lamp in column 14' from Street Lighting to Clean Streets"),
            ("ActionRescheduled", $"from {Day(today.AddDays(14))} to {Day(today.AddDays(21))}: Parts on order"),
            ("ActionCompleted", "Completed 'Replace lamp in column 14': New lantern fitted"),
            ("ActionReopened", "Reopened 'Replace lamp in column 14': Lantern failed overnight"),
            ("ActionCancelled", "Cancelled 'Replace lamp in column 14': Column to be replaced instead"),
            ("NoteAdded", "Residents say the alley feels safer"),
            ("ExitCriterionAdded", "Clear exit criterion 'No dark columns for four weeks'"),
            ("ExitCriterionMet", "'No dark columns for four weeks': Night inspection on 12 Nov found all lit"),
            ("PhotoAdded", "Added a photo from after the work to the exit criterion 'No dark columns for four weeks'"),
            ("ReviewRecorded", $"{Day(today)}, rated Amber: Hold once the column is in (next review {Day(today.AddDays(28))})"),
            ("RecurrenceLogged", "Needles found by the bins (reported by Azalea outreach)"),
            ("ActionPlanned", "Planned 'Night patrol' for High Town Neighbourhood Team"),
            ("PhaseAdvanced", "Advanced from Clear to Hold (override: Patrol carries on into Hold)"),
            ("PhaseReverted", "from Hold to Clear: Dumping came back within a week"),
            ("ActionCancelled", $"Cancelled 'Night patrol': {problem.Reference} was closed."),
            ("ProblemClosed", $"Closed as Duplicate of {original.Reference}: Same alley as the original report"),
            ("ProblemReopened", "Not the same alley after all"),
            ("PublicUpdateWritten", "Public update: The alley lamp is fixed."),
            ("SensitivityChanged", "Marked sensitive: never published, seen by High Town Neighbourhood Team"),
        };
        timeline.Select(e => e.Type).ShouldBe(expected.Select(e => e.Type));
        foreach (var (entry, fact) in timeline.Zip(expected.Select(e => e.Fact)))
            entry.Summary.ShouldContain(fact, Case.Sensitive, $"{entry.Type} reads “{entry.Summary}”");
        timeline.Select(e => e.Type).Distinct().Order().ShouldBe(ProblemEvents.All.Select(t => t.Name).Order());
        timeline.Select(e => e.At).ShouldBeInOrder(SortDirection.Ascending);
        timeline[0].By.ShouldBe("Sam Coordinator");
        timeline.Single(e => e.Type == "ActionCompleted").By.ShouldBe("Lee Lighting");
    }

    [Fact]
    public async Task An_action_planned_for_the_current_phase_reads_exactly_as_the_coordinator_would_say_it()
    {
        var problem = await app.GivenProblem("Lamp out by the church");
        await problem.Plan("Replace lamp in column 14", Team.StreetLighting.Id, new DateOnly(2030, 11, 30));
        await problem.Plan("Upgrade the column to LED", Team.StreetLighting.Id, new DateOnly(2031, 3, 1), phase: Phase.Build);

        var timeline = await app.Get<List<TimelineEntry>>($"/api/problems/{problem.Id}/timeline");

        timeline[1].Summary.ShouldBe("Planned 'Replace lamp in column 14' for Street Lighting, due 30 November 2030");
        timeline[2].Summary.ShouldBe("Planned 'Upgrade the column to LED' for Street Lighting, due 1 March 2031, for Build");
    }

    [Fact]
    public async Task The_timeline_of_an_unknown_problem_is_a_404() =>
        await app.Get($"/api/problems/{Guid.CreateVersion7()}/timeline", status: 404);

    [Fact]
    public async Task Reading_the_timeline_needs_a_token() =>
        await app.Host.Scenario(s => { s.Get.Url($"/api/problems/{Guid.CreateVersion7()}/timeline"); s.StatusCodeShouldBe(401); });

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
