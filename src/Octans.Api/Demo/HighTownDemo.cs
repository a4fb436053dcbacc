using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>
/// A year of the High Town partnership's work, for trying Octans out: the stories in <c>high-town.json</c>, problems
/// on real High Town streets taken through Clear, Hold and Build, reviewed at the monthly meetings on the second
/// Tuesday, with recurrences, reverts, overdue and closed work. Their days are counted back from the latest meeting,
/// so the demo always looks current, and the same <c>now</c> gives the same events.
/// </summary>
public static class HighTownDemo
{
    // Embedded rather than copied beside the assembly: ops/run, the tests and the benchmarks load the demo from
    // their own output folders, and a resource travels with the assembly to every one of them and to a publish.
    private const string StoriesResource = "Octans.Api.Demo.high-town.json";

    private static readonly Lazy<IReadOnlyList<DemoStory>> Stories = new(() =>
    {
        using var json = typeof(HighTownDemo).Assembly.GetManifestResourceStream(StoriesResource)
            ?? throw new InvalidOperationException($"Octans.Api was built without its {StoriesResource} resource.");
        return DemoStory.Read(json);
    });

    public static IReadOnlyList<ProblemHistory> Build(DateTimeOffset now)
    {
        var calendar = new DemoCalendar(now);
        var stories = Stories.Value
            .Select(s => (Story: s, ReportedOn: calendar.Day(s.ReportedOn.MonthsAgo, s.ReportedOn.Days)))
            .OrderBy(s => StoryTeller.ReportedAt(s.Story.Key, s.ReportedOn))
            .ThenBy(s => s.Story.Key, StringComparer.Ordinal)
            .ToList();
        var references = stories
            .Select((s, i) => (s.Story.Key, Reference: ProblemReferences.Format(Area.HighTown.Id, i + 1)))
            .ToDictionary(s => s.Key, s => s.Reference);

        return stories
            .Select(s => StoryTeller.Tell(s.Story, s.ReportedOn, references[s.Story.Key], calendar,
                key => (DemoIds.For(key), references[key])))
            .ToList();
    }
}
