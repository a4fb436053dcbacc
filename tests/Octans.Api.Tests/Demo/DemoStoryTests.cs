using System.Text;
using System.Text.Json;
using Octans.Api.Demo;
using Octans.Domain;

namespace Octans.Api.Tests.Demo;

public sealed class DemoStoryTests
{
    private const string Story = """
        [{
          "key": "test-lamps", "reportedOn": { "monthsAgo": 2 }, "title": "Lamps out on Wenlock Street",
          "statement": "Two columns dark.", "category": "Street lighting", "risk": "Medium",
          "place": { "description": "Wenlock Street", "latitude": 51.8853, "longitude": -0.4128 },
          "steps": [
            { "do": "planAction", "action": "repair", "team": "Street Lighting", "description": "Repair the lamps", "dueInDays": 7 },
            { "on": { "monthsAgo": 2, "days": 3 }, "do": "completeAction", "action": "repair", "note": "Lamps replaced." },
            STEP
          ]
        }]
        """;

    private static DemoStory Read(string step) => DemoStory.Read(new MemoryStream(Encoding.UTF8.GetBytes(Story.Replace("STEP", step)))).Single();

    private static ProblemHistory Tell(DemoStory story)
    {
        var calendar = new DemoCalendar(AppFixture.Start);
        return StoryTeller.Tell(story, calendar.Day(2, 0), "HT-0099", calendar, _ => throw new InvalidOperationException());
    }

    [Fact]
    public void A_story_becomes_the_events_its_steps_decide_with_the_team_s_own_member_completing_its_action()
    {
        var history = Tell(Read("""{ "do": "addNote", "text": "Checked at night.", "by": "lighting@octans.test" }"""));

        history.Events.Select(e => e.GetType()).ShouldBe([typeof(ProblemReported), typeof(ActionPlanned), typeof(ActionCompleted), typeof(NoteAdded)]);
        history.Events.Skip(2).Select(e => e.By.Name).ShouldBe(["Lee Lighting", "Lee Lighting"]);
        history.Events.OfType<ActionPlanned>().Single().DueOn.ShouldBe(London.Today(history.Events[0].At).AddDays(7));
    }

    [Fact]
    public void A_step_the_app_would_refuse_stops_the_demo_and_names_the_story_the_step_and_the_rule()
    {
        var story = Read("""{ "do": "completeAction", "action": "repair", "note": "Replaced again." }""");

        var completedOn = new DemoCalendar(AppFixture.Start).Day(2, 3);

        Should.Throw<InvalidOperationException>(() => Tell(story)).Message.ShouldBe(
            $"The High Town demo's story test-lamps broke at step 3: HT-0099: CompleteAction on {completedOn:yyyy-MM-dd} was refused: "
            + "The action “Repair the lamps” is done already.");
    }

    [Theory]
    [InlineData("""{ "do": "addNote", "txt": "A misspelt field." }""")]
    [InlineData("""{ "do": "fixEverything" }""")]
    [InlineData("""{ "do": "addNote" }""")]
    [InlineData("""{ "do": "recordReview", "monthsAgo": 1, "rag": 2, "decision": "Numbers are not RAG ratings." }""")]
    public void A_mistake_in_the_demo_file_is_refused_rather_than_left_out(string step) =>
        Should.Throw<JsonException>(() => Read(step));
}
